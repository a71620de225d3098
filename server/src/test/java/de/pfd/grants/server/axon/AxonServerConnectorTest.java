package de.pfd.grants.server.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.protobuf.RuntimeVersion;

import io.axoniq.axonserver.grpc.control.NodeInfo;

/**
 * The distributed deployment talks to Axon Server through the connector's generated
 * protobuf classes; they refuse to load on a protobuf runtime older than the protoc that
 * generated them. No Axon Server runs here, so this is the check that the pinned runtime
 * fits.
 */
class AxonServerConnectorTest {

	@Test
	void the_connectors_generated_messages_load_on_the_protobuf_runtime_we_ship() throws Exception {
		NodeInfo node = NodeInfo.newBuilder().setNodeName("axonserver").setGrpcPort(8124).build();

		assertThat(NodeInfo.parseFrom(node.toByteArray()).getNodeName()).isEqualTo("axonserver");
		assertThat(RuntimeVersion.MAJOR).isGreaterThanOrEqualTo(4);
	}

}
