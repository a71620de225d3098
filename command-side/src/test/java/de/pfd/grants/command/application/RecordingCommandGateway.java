package de.pfd.grants.command.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;

/**
 * A {@link CommandGateway} for processes: records every command sent and waited for, and
 * refuses commands of a type as the command side would, with a
 * {@link CommandExecutionException} whose details are a {@link RuleViolation}.
 */
class RecordingCommandGateway implements CommandGateway {

	private final List<Object> sent = new ArrayList<>();

	private final List<Map<String, Object>> metaData = new ArrayList<>();

	private final Map<Class<?>, RuntimeException> refusals = new HashMap<>();

	/** Every command of this type is refused with this code. */
	RecordingCommandGateway refuse(Class<?> commandType, ErrorCode code) {
		return fail(commandType, new CommandExecutionException("refused: " + code, null,
				new RuleViolation(code, "refused with " + code)));
	}

	/** Every command of this type fails with this exception. */
	RecordingCommandGateway fail(Class<?> commandType, RuntimeException failure) {
		this.refusals.put(commandType, failure);
		return this;
	}

	/** The commands sent so far, in order (refused ones too); their payloads. */
	List<Object> sent() {
		return List.copyOf(this.sent);
	}

	/** The metadata each command was sent with, in order. */
	List<Map<String, Object>> metaData() {
		return List.copyOf(this.metaData);
	}

	@Override
	public <R> R sendAndWait(Object message) {
		Object command = message instanceof CommandMessage<?> m ? m.getPayload() : message;
		this.sent.add(command);
		this.metaData
			.add(message instanceof CommandMessage<?> m ? Map.copyOf(m.getMetaData()) : Map.<String, Object>of());
		RuntimeException failure = this.refusals.get(command.getClass());
		if (failure != null) {
			throw failure;
		}
		return null;
	}

	@Override
	public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
		return sendAndWait(command);
	}

	@Override
	public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
		throw new UnsupportedOperationException("processes wait for their commands");
	}

	@Override
	public <R> CompletableFuture<R> send(Object command) {
		throw new UnsupportedOperationException("processes wait for their commands");
	}

	@Override
	public Registration registerDispatchInterceptor(
			MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
		throw new UnsupportedOperationException("no interceptors in a test");
	}

}
