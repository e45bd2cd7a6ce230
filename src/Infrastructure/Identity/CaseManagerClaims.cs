namespace CaseManager.Infrastructure.Identity;

/// <summary>Claim types CaseManager adds to a signed-in principal.</summary>
public static class CaseManagerClaims
{
    public const string Agency = "casemanager:agency";
    public const string DisplayName = "casemanager:display_name";
}
