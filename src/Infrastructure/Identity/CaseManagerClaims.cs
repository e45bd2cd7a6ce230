namespace CaseManager.Infrastructure.Identity;

/// <summary>Claim types CaseManager adds to a signed-in principal.</summary>
public static class CaseManagerClaims
{
    public const string Agency = "casemanager:agency";
    public const string DisplayName = "casemanager:display_name";

    /// <summary>On API tokens: the refresh token family they belong to (<see cref="RefreshTokenFamily"/>).</summary>
    public const string TokenFamily = "casemanager:token_family";

    /// <summary>On API tokens: the id of the refresh token issued with them, spent when it is used.</summary>
    public const string RefreshTokenId = "casemanager:refresh_token_id";
}
