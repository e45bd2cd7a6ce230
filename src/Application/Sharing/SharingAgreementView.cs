using CaseManager.Domain.Sharing;

namespace CaseManager.Application.Sharing;

public sealed record SharingAgreementView(
    Guid Id,
    string Name,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Purposes,
    string LawfulBasis,
    string? SpecialCategoryCondition,
    string? Gateway,
    bool ConsentRequired,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    bool InForce,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public static SharingAgreementView From(SharingAgreement agreement, DateOnly today) => new(
        agreement.Id.Value,
        agreement.Name,
        agreement.Agencies.Select(a => a.Agency.Value).Order().ToList(),
        agreement.Categories.Select(c => c.Category.ToString()).ToList(),
        agreement.Purposes.Select(p => p.Scheme.ToString()).ToList(),
        agreement.LawfulBasis.ToString(),
        agreement.SpecialCategoryCondition,
        agreement.Gateway,
        agreement.ConsentRequired,
        agreement.ValidFrom,
        agreement.ValidTo,
        agreement.IsInForceOn(today),
        agreement.EndedAt,
        agreement.EndReason);
}
