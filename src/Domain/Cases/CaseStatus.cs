namespace CaseManager.Domain.Cases;

public enum CaseStatus
{
    Active,

    /// <summary>A caseworker has nominated the person to leave the scheme; a manager decides.</summary>
    ExitNominated,
    Exited,
}
