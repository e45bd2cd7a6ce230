using System.Security.Claims;
using CaseManager.Domain.Auditing;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.Security;

public enum RefreshOutcome
{
    Rotated,

    /// <summary>A spent refresh token came back: its family was ended now.</summary>
    Reused,

    /// <summary>The family had already been ended, or the token belongs to none.</summary>
    Refused,
}

public sealed record Refresh(RefreshOutcome Outcome, ClaimsPrincipal? Principal);

/// <summary>
/// One-time refresh tokens (ADR 0017). Identity's bearer tokens are self-contained, so the server keeps, per
/// sign-in, the one refresh token that may still be used; the ids travel as claims inside the protected tokens.
/// </summary>
public sealed class RefreshTokenRotation(CaseDbContext db, SignInService signIn, TimeProvider clock)
{
    /// <summary>Starts the token family of a sign-in at the token endpoint; the principal carries its first ids.</summary>
    public async Task<ClaimsPrincipal> StartAsync(ClaimsPrincipal principal, Guid userId)
    {
        var family = new RefreshTokenFamily
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CurrentTokenId = Guid.CreateVersion7(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.RefreshTokenFamilies.Add(family);
        await db.SaveChangesAsync();
        return WithTokenIds(principal, family.Id, family.CurrentTokenId);
    }

    /// <summary>
    /// Spends the refresh token and gives the principal for the next pair, or, if the token was already spent,
    /// ends its family. The swap is one conditional update, so of two requests with the same token only one
    /// can win; the other is treated as reuse. The swap and its audit entry commit together.
    /// </summary>
    public async Task<Refresh> RotateAsync(ClaimsPrincipal refreshed, ApplicationUser user, ClaimsPrincipal next)
    {
        if (!Guid.TryParse(refreshed.FindFirstValue(CaseManagerClaims.TokenFamily), out var familyId)
            || !Guid.TryParse(refreshed.FindFirstValue(CaseManagerClaims.RefreshTokenId), out var tokenId))
        {
            await signIn.AuditAsync(user, user.Email!, AuditOutcome.Refused, "Refresh token of no token family", "account.refresh");
            return new Refresh(RefreshOutcome.Refused, null);
        }

        var now = clock.GetUtcNow();
        var nextTokenId = Guid.CreateVersion7();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rotated = await db.RefreshTokenFamilies
            .Where(f => f.Id == familyId && f.UserId == user.Id && f.CurrentTokenId == tokenId && f.EndedAt == null)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.CurrentTokenId, nextTokenId).SetProperty(x => x.LastRefreshedAt, now));
        if (rotated == 1)
        {
            await signIn.AuditAsync(user, user.Email!, AuditOutcome.Allowed, null, "account.refresh");
            await transaction.CommitAsync();
            return new Refresh(RefreshOutcome.Rotated, WithTokenIds(next, familyId, nextTokenId));
        }

        var ended = await db.RefreshTokenFamilies
            .Where(f => f.Id == familyId && f.EndedAt == null)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.EndedAt, now));
        await signIn.AuditAsync(user, user.Email!, AuditOutcome.Refused,
            ended == 1 ? "Spent refresh token used again: token family ended" : "Refresh token of an ended token family", "account.refresh");
        await transaction.CommitAsync();
        return new Refresh(ended == 1 ? RefreshOutcome.Reused : RefreshOutcome.Refused, null);
    }

    private static ClaimsPrincipal WithTokenIds(ClaimsPrincipal principal, Guid familyId, Guid tokenId)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(CaseManagerClaims.TokenFamily, familyId.ToString()));
        identity.AddClaim(new Claim(CaseManagerClaims.RefreshTokenId, tokenId.ToString()));
        return principal;
    }
}
