using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Outcomes;

public readonly record struct LocalCriterionRecordId(Guid Value)
{
    public static LocalCriterionRecordId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// Evidence that a family meets one of the partnership's local discretion criteria (DOMAIN.md TF1 (d)), recorded on
/// its family case from a day, about one member or about the family. Its data category is the criterion's (a child
/// protection plan is safeguarding data, domestic abuse victim-sensitive), and it is owned by the recording agency.
/// </summary>
public sealed class LocalCriterionRecord : IHouseholdRecord
{
    public const int MaxEvidenceLength = 1000;

    private LocalCriterionRecord()
    {
    }

    public LocalCriterionRecordId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    HouseholdId? IHouseholdRecord.HouseholdId => HouseholdId;

    /// <summary>The member it is about; null when it is about the family.</summary>
    public PersonId? PersonId { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    /// <summary>A code from <c>TroubledFamilies:LocalCriteria</c>.</summary>
    public string Criterion { get; private set; } = string.Empty;

    /// <summary>The day the criterion was found to be met.</summary>
    public DateOnly On { get; private set; }

    public string Evidence { get; private set; } = string.Empty;

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records the criterion on an open family case. A member named must be a member of the household on the day;
    /// the day is not before the case started nor in the future.
    /// </summary>
    public static LocalCriterionRecord Record(
        Case familyCase, Household household, string criterion, DataCategory category, PersonId? personId, DateOnly on, string evidence,
        AgencyCode byAgency, Guid recordedBy, DateTimeOffset now, DateOnly today)
    {
        if (familyCase.HouseholdId is not { } householdId || householdId != household.Id)
        {
            throw new DomainRuleException("local-criterion.not-family-case", "Local criteria are recorded on a family case");
        }

        if (familyCase.Status == CaseStatus.Exited)
        {
            throw new DomainRuleException("case.exited", "This case has been exited");
        }

        if (on > today)
        {
            throw new DomainRuleException("local-criterion.in-future", "The date cannot be in the future");
        }

        if (personId is { } person && !household.Members.Any(m => m.PersonId == person && m.IsMemberOn(on)))
        {
            throw new DomainRuleException("local-criterion.not-member", "The person was not a member of the household on that day");
        }

        return new LocalCriterionRecord
        {
            Id = LocalCriterionRecordId.New(),
            CaseId = familyCase.Id,
            HouseholdId = householdId,
            PersonId = personId,
            OwnerAgency = byAgency,
            DataCategory = category,
            Criterion = Guard.Required(criterion, "local-criterion.criterion", "Select the criterion", maxLength: 40),
            On = on,
            Evidence = Guard.Required(evidence, "local-criterion.evidence", "Enter the evidence", maxLength: MaxEvidenceLength),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}
