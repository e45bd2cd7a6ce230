using CaseManager.Application.Common;
using CaseManager.Domain.Sharing;

namespace CaseManager.Application.BreakGlass;

public sealed record BreakGlassView(
    Guid Id,
    Guid PersonId,
    Guid UserId,
    string UserAgency,
    string Justification,
    string RiskCategory,
    DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt,
    bool Live,
    [property: NamesOf(typeof(BreakGlassReviewOutcome))] string? ReviewOutcome,
    string? ReviewNote,
    DateTimeOffset? ReviewedAt,
    bool? PersonInformed,
    string? PersonInformedNote,
    string? UserName = null,
    string? PersonName = null)
{
    public static BreakGlassView From(BreakGlassGrant grant, DateTimeOffset now) => new(
        grant.Id.Value,
        grant.PersonId.Value,
        grant.UserId,
        grant.UserAgency.Value,
        grant.Justification,
        grant.RiskCategory.ToString(),
        grant.GrantedAt,
        grant.ExpiresAt,
        grant.IsLiveAt(now),
        grant.ReviewOutcome?.ToString(),
        grant.ReviewNote,
        grant.ReviewedAt,
        grant.PersonInformed,
        grant.PersonInformedNote);
}
