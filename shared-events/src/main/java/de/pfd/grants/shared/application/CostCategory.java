package de.pfd.grants.shared.application;

public enum CostCategory {

	FEES, RENT, MATERIAL, PURCHASES, TRAVEL, PUBLIC_RELATIONS, OTHER

}
