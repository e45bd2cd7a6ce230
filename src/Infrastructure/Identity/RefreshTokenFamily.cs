namespace CaseManager.Infrastructure.Identity;

/// <summary>
/// The refresh tokens that descend from one sign-in at the token endpoint (ADR 0017). Each refresh spends the
/// family's current token and issues the next, so only <see cref="CurrentTokenId"/> may be used. A spent token
/// that comes back means two parties hold the family's tokens: the family is ended, and every token of it, access
/// and refresh, stops working.
/// </summary>
public sealed class RefreshTokenFamily
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The id of the one refresh token of this family that has not been spent.</summary>
    public Guid CurrentTokenId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastRefreshedAt { get; set; }

    /// <summary>When the family was ended (a spent token came back); null while it may still refresh.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
