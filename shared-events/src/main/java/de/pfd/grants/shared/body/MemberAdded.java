package de.pfd.grants.shared.body;

import org.axonframework.serialization.Revision;

// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision 1 is upcast
@Revision("2")
public record MemberAdded(DecisionBodyId bodyId, Member member) {
}
