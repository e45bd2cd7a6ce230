using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Families;

public readonly record struct FamilyAssessmentId(Guid Value)
{
    public static FamilyAssessmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>One need found by an assessment: an area, about one member or about the whole family.</summary>
public sealed record AssessedNeed(NeedArea Area, PersonId? PersonId, string? Detail);

/// <summary>
/// The whole-family assessment of a family case (DOMAIN.md FAM1): the needs of each member and of the family over
/// the eleven areas, the family's strengths and a summary, on the day it was completed. A later assessment of the
/// same case supersedes the earlier one; both are kept. It lives in its own tables, keyed by the case (ADR 0020,
/// ADR 0024): <c>Case</c> carries nothing of it. The summary and strengths are read as the family case is; each need
/// is a record in its area's data category (<see cref="FamilyAssessmentNeed"/>), read through the access rule.
/// </summary>
public sealed class FamilyAssessment
{
    public const int MaxSummaryLength = 4000;
    public const int MaxStrengthsLength = 4000;
    public const int MaxNeeds = 100;

    private readonly List<FamilyAssessmentNeed> _needs = [];

    private FamilyAssessment()
    {
    }

    public FamilyAssessmentId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    /// <summary>The agency that completed it.</summary>
    public AgencyCode OwnerAgency { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    public string Summary { get; private set; } = string.Empty;

    public string? Strengths { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<FamilyAssessmentNeed> Needs => _needs;

    /// <summary>
    /// Records an assessment on an open family case, completed on a day from the case's start to today. A member a
    /// need is about must be a member of the household on that day; the same need twice is one need.
    /// </summary>
    public static FamilyAssessment Record(
        Case familyCase, Household household, DateOnly completedOn, string summary, string? strengths, IReadOnlyCollection<AssessedNeed> needs,
        AgencyCode byAgency, Guid recordedBy, DateTimeOffset now, DateOnly today)
    {
        FamilyRecords.EnsureOpenFamilyCase(familyCase, household);
        if (completedOn > today)
        {
            throw new DomainRuleException("assessment.in-future", "The assessment cannot be completed in the future");
        }

        if (completedOn < familyCase.StartDate)
        {
            throw new DomainRuleException("assessment.before-start", "The assessment cannot be completed before the case started");
        }

        if (needs.Count > MaxNeeds)
        {
            throw new DomainRuleException("assessment.too-many-needs", $"An assessment holds at most {MaxNeeds} needs");
        }

        var assessment = new FamilyAssessment
        {
            Id = FamilyAssessmentId.New(),
            CaseId = familyCase.Id,
            HouseholdId = household.Id,
            OwnerAgency = byAgency,
            CompletedOn = completedOn,
            Summary = Guard.Required(summary, "assessment.summary", "Enter the summary", MaxSummaryLength),
            Strengths = Guard.Optional(strengths, MaxStrengthsLength, "assessment.strengths", $"The strengths must be {MaxStrengthsLength} characters or fewer"),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
        foreach (var need in needs.DistinctBy(n => (n.Area, n.PersonId)))
        {
            if (!Enum.IsDefined(need.Area))
            {
                throw new DomainRuleException("assessment.need-area", $"{need.Area} is not a need area");
            }

            if (need.PersonId is { } person && !household.Members.Any(m => m.PersonId == person && m.IsMemberOn(completedOn)))
            {
                throw new DomainRuleException("assessment.not-member", "A need is about someone who was not a member of the household on the day of the assessment");
            }

            assessment._needs.Add(FamilyAssessmentNeed.For(assessment, need));
        }

        return assessment;
    }
}

/// <summary>
/// One need of an assessment. About a member it is that person's record, about the family it is read as the family
/// case is (<see cref="IHouseholdRecord"/>, DOMAIN.md IS7b); either way in its area's data category, so a partner
/// reads a mental health need only where an agreement covers health data, and a domestic abuse need never by
/// agreement (victim-sensitive).
/// </summary>
public sealed class FamilyAssessmentNeed : IHouseholdRecord
{
    public const int MaxDetailLength = 1000;

    private FamilyAssessmentNeed()
    {
    }

    public Guid Id { get; private set; }

    public FamilyAssessmentId AssessmentId { get; private set; }

    public CaseId CaseId { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    HouseholdId? IHouseholdRecord.HouseholdId => HouseholdId;

    /// <summary>The member it is about; null when it is the family's need.</summary>
    public PersonId? PersonId { get; private set; }

    public NeedArea Area { get; private set; }

    public string? Detail { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    internal static FamilyAssessmentNeed For(FamilyAssessment assessment, AssessedNeed need) => new()
    {
        Id = Guid.CreateVersion7(),
        AssessmentId = assessment.Id,
        CaseId = assessment.CaseId,
        HouseholdId = assessment.HouseholdId,
        PersonId = need.PersonId,
        Area = need.Area,
        Detail = Guard.Optional(need.Detail, MaxDetailLength, "assessment.need-detail", $"A need's detail must be {MaxDetailLength} characters or fewer"),
        OwnerAgency = assessment.OwnerAgency,
        DataCategory = NeedAreas.CategoryOf(need.Area),
    };
}
