package de.pfd.grants.shared.application;

public enum TargetGroup {

	CHILDREN, YOUTH, YOUNG_ADULTS, ADULTS, SENIORS, FAMILIES, MIGRANTS, MULTIPLIERS, GENERAL_PUBLIC

}
