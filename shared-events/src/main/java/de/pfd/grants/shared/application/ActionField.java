package de.pfd.grants.shared.application;

/** Handlungsfelder of the programme. */
public enum ActionField {

	DEMOCRACY_PROMOTION, DIVERSITY, EXTREMISM_PREVENTION

}
