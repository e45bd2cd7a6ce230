using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Families;

public readonly record struct FamilyPlanActionId(Guid Value)
{
    public static FamilyPlanActionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where an action stands: worked out from its due date and completion, never stored.</summary>
public enum PlanActionStatus
{
    Open,
    Overdue,
    Done,
}

/// <summary>
/// One action of a family case's plan (DOMAIN.md FAM1: one family plan). It is for a member or for the family, it
/// belongs to an agency (which may name one of its workers) and is due on a day not before the case started. The
/// plan is the case's actions; each action is its own row with its own version, so two people adding actions at once
/// both keep theirs, and two completing the same action cannot both win (ADR 0024).
/// </summary>
public sealed class FamilyPlanAction : AggregateRoot
{
    public const int MaxDescriptionLength = 500;
    public const int MaxNoteLength = 1000;

    private FamilyPlanAction()
    {
    }

    public FamilyPlanActionId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>The assessed need it meets, if any.</summary>
    public NeedArea? Need { get; private set; }

    /// <summary>The member it is for; null when it is for the family.</summary>
    public PersonId? ForPersonId { get; private set; }

    /// <summary>The agency whose action it is: it sees it (where it may read the family case) and completes it.</summary>
    public AgencyCode OwnerAgency { get; private set; }

    /// <summary>The worker of the owning agency who does it, if one is named.</summary>
    public Guid? AssignedTo { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CompletionNote { get; private set; }

    public Guid? CompletedBy { get; private set; }

    public AgencyCode AddedByAgency { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public PlanActionStatus StatusOn(DateOnly today) =>
        CompletedOn is not null ? PlanActionStatus.Done : DueOn < today ? PlanActionStatus.Overdue : PlanActionStatus.Open;

    /// <summary>
    /// Adds an action to the plan of an open family case. It is due on or after the day the case started; a member it
    /// is for is a member of the household that day or later.
    /// </summary>
    public static FamilyPlanAction Add(
        Case familyCase, Household household, string description, NeedArea? need, PersonId? forPersonId, AgencyCode ownerAgency, Guid? assignedTo,
        DateOnly dueOn, AgencyCode byAgency, Guid addedBy, DateTimeOffset now)
    {
        FamilyRecords.EnsureOpenFamilyCase(familyCase, household);
        if (dueOn < familyCase.StartDate)
        {
            throw new DomainRuleException("plan.due-before-start", $"An action cannot be due before the case started on {familyCase.StartDate:d MMMM yyyy}");
        }

        if (need is { } area && !Enum.IsDefined(area))
        {
            throw new DomainRuleException("assessment.need-area", $"{area} is not a need area");
        }

        if (forPersonId is { } person && !household.Members.Any(m => m.PersonId == person && (m.To is null || m.To >= familyCase.StartDate)))
        {
            throw new DomainRuleException("plan.not-member", "The action is for someone who is not a member of the household while the case is open");
        }

        return new FamilyPlanAction
        {
            Id = FamilyPlanActionId.New(),
            CaseId = familyCase.Id,
            HouseholdId = household.Id,
            Description = Guard.Required(description, "plan.description", "Enter what is to be done", MaxDescriptionLength),
            Need = need,
            ForPersonId = forPersonId,
            OwnerAgency = ownerAgency,
            AssignedTo = assignedTo,
            DueOn = dueOn,
            AddedByAgency = byAgency,
            AddedBy = addedBy,
            AddedAt = now,
        };
    }

    /// <summary>Marks the action done on a day from the case's start to today; an action is done once.</summary>
    public void Complete(Case familyCase, DateOnly completedOn, string? note, Guid by, DateOnly today)
    {
        if (familyCase.Id != CaseId)
        {
            throw new DomainRuleException("plan.not-found", "This action belongs to another case");
        }

        if (familyCase.Status == CaseStatus.Exited)
        {
            throw new DomainRuleException("case.exited", "This case has been exited");
        }

        if (CompletedOn is not null)
        {
            throw new DomainRuleException("plan.action-done", "This action is already done");
        }

        if (completedOn > today)
        {
            throw new DomainRuleException("plan.completed-in-future", "The action cannot be completed in the future");
        }

        if (completedOn < familyCase.StartDate)
        {
            throw new DomainRuleException("plan.completed-before-start", "The action cannot be completed before the case started");
        }

        CompletionNote = Guard.Optional(note, MaxNoteLength, "plan.note", $"The note must be {MaxNoteLength} characters or fewer");
        CompletedOn = completedOn;
        CompletedBy = by;
        IncrementVersion();
    }
}
