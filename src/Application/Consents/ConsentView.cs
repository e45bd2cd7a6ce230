using CaseManager.Application.Common;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Sharing;

namespace CaseManager.Application.Consents;

public sealed record ConsentView(
    Guid Id,
    Guid PersonId,
    [property: NamesOf(typeof(Scheme))] string Purpose,
    IReadOnlyList<string> RecipientAgencies,
    IReadOnlyList<string> DataCategories,
    [property: NamesOf(typeof(ConsentStatus))] string Status,
    [property: NamesOf(typeof(ConsentGivenBy))] string GivenBy,
    DateOnly RecordedOn,
    DateOnly ReviewOn,
    string? Evidence,
    string OwnerAgency,
    bool CountsToday,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    int Version)
{
    public static ConsentView From(Consent consent, DateOnly today) => new(
        consent.Id.Value,
        consent.PersonId.Value,
        consent.Purpose.ToString(),
        consent.Recipients.Select(r => r.Agency.Value).Order().ToList(),
        consent.Categories.Select(c => c.Category.ToString()).ToList(),
        consent.Status.ToString(),
        consent.GivenBy.ToString(),
        consent.RecordedOn,
        consent.ReviewOn,
        consent.Evidence,
        consent.OwnerAgency.Value,
        consent.CountsOn(today),
        consent.WithdrawnAt,
        consent.WithdrawalReason,
        consent.Version);
}
