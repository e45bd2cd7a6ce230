namespace CaseManager.Domain.Users;

/// <summary>What a user does in their agency. A user may hold several roles.</summary>
public enum Role
{
    Caseworker,
    Manager,
    ClaimsOfficer,
    InformationGovernance,

    /// <summary>Manages users and reference data; sees no case data by default.</summary>
    Administrator,
}
