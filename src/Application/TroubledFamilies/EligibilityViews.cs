using CaseManager.Application.Common;
using CaseManager.Domain.TroubledFamilies;

namespace CaseManager.Application.TroubledFamilies;

/// <summary>A family's eligibility as API.md "Troubled Families eligibility" gives it, with what was found and what is missing.</summary>
public sealed record EligibilityView(
    Guid CaseId, Guid HouseholdId, int Phase, DateOnly AsOf, bool Eligible, string Summary, string Basis, IReadOnlyList<EligibilityCriterionView> Criteria)
{
    public static EligibilityView From(Guid caseId, Guid householdId, EligibilityResult result) => new(
        caseId, householdId, result.Phase, result.AsOf, result.Eligible, result.Summary, FamilyFactsReader.Basis,
        [.. result.Criteria.Select(EligibilityCriterionView.From)]);
}

public sealed record EligibilityCriterionView(string Code, string Name, bool Met, string Found, string? Missing, IReadOnlyList<EligibilityEvidenceView> Evidence)
{
    public static EligibilityCriterionView From(EligibilityCriterion criterion) => new(
        criterion.Code, EligibilityEngine.Name(criterion.Code), criterion.Met, criterion.Found, criterion.Missing,
        [.. criterion.Evidence.Select(e => new EligibilityEvidenceView(e.Kind, e.RecordId, e.PersonId?.Value, e.On, e.Detail))]);
}

/// <summary>One record behind a criterion, by the kind of record the eligibility engine found (DOMAIN.md TF1, TF2).</summary>
public sealed record EligibilityEvidenceView(
    [property: NamesOf("Offence", "Asb", "Employment", "Treatment", "LocalCriterion")] string Kind,
    Guid RecordId,
    Guid? PersonId,
    DateOnly On,
    string Detail);

/// <summary>Works out eligibility in either phase: the one switch between the two engines.</summary>
public static class Eligibility
{
    public static EligibilityResult For(int phase, FamilyFacts facts, DateOnly asOf, EligibilityOptions options) =>
        phase == 1 ? EligibilityEngine.Phase1(facts, asOf, options) : EligibilityEngine.Phase2(facts, asOf, options);
}
