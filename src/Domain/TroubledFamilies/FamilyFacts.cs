using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;

namespace CaseManager.Domain.TroubledFamilies;

/// <summary>
/// Everything the Troubled Families engines (<see cref="EligibilityEngine"/> and the results engine) read about
/// one family, as plain values: its members with their dates of birth and dated memberships, and the outcome records
/// of those members that the reader may see. <see cref="AttachedOn"/> is the day the family's Troubled Families case
/// started (null for a household not attached to the programme). A fact counts for the family only on days its
/// person was a member (<see cref="IsMemberOn"/>).
/// </summary>
public sealed record FamilyFacts(
    HouseholdId HouseholdId,
    CaseId? CaseId,
    DateOnly? AttachedOn,
    IReadOnlyList<FamilyMember> Members,
    IReadOnlyList<ProvenOffence> Offences,
    IReadOnlyList<AsbFact> Asb,
    IReadOnlyList<EducationFact> Education,
    IReadOnlyList<EmploymentFact> Employment,
    IReadOnlyList<LocalCriterionFact> LocalCriteria,
    IReadOnlyList<TreatmentFact> Treatment)
{
    public static FamilyFacts Empty(HouseholdId householdId, CaseId? caseId = null, DateOnly? attachedOn = null) =>
        new(householdId, caseId, attachedOn, [], [], [], [], [], [], []);

    public FamilyMember? Member(PersonId personId) => Members.FirstOrDefault(m => m.PersonId == personId);

    public bool IsMemberOn(PersonId personId, DateOnly day) => Member(personId)?.IsMemberOn(day) ?? false;

    /// <summary>Under 18 on the day (and a member then).</summary>
    public bool IsChildOn(PersonId personId, DateOnly day) => Member(personId) is { } member && member.IsMemberOn(day) && member.AgeOn(day) < 18;

    /// <summary>18 or over on the day (and a member then).</summary>
    public bool IsAdultOn(PersonId personId, DateOnly day) => Member(personId) is { } member && member.IsMemberOn(day) && member.AgeOn(day) >= 18;
}

/// <summary>A member of the household: when they were born and the spans they were a member (both days included).</summary>
public sealed record FamilyMember(PersonId PersonId, DateOnly DateOfBirth, IReadOnlyList<MembershipPeriod> Periods)
{
    public bool IsMemberOn(DateOnly day) => Periods.Any(p => p.Covers(day));

    /// <summary>Age in whole years on the day: a child is 18 from their 18th birthday (a 29 February birthday counts from 1 March).</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}

public sealed record MembershipPeriod(DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);
}

/// <summary>An offence proven by a conviction (<see cref="ConvictedOn"/>), dated by the day it was committed.</summary>
public sealed record ProvenOffence(Guid RecordId, PersonId PersonId, DateOnly CommittedOn, DateOnly ConvictedOn);

public sealed record AsbFact(Guid RecordId, PersonId PersonId, AsbKind Kind, DateOnly OccurredOn);

/// <summary>
/// An education record. <see cref="Term"/> is where it counts (an attendance record's term, or the term of an
/// exclusion's day); <see cref="On"/> is the day of a dated record.
/// </summary>
public sealed record EducationFact(Guid RecordId, PersonId PersonId, EducationKind Kind, DateOnly? On, SchoolTerm Term, int? SessionsPossible = null, int? UnauthorisedAbsenceSessions = null)
{
    /// <summary>The day the record is about, no later than <paramref name="asOf"/>: its own day, or the last day of its term seen so far.</summary>
    public DateOnly DayAsOf(DateOnly asOf) => On ?? (Term.End < asOf ? Term.End : asOf);
}

public sealed record EmploymentFact(Guid RecordId, PersonId PersonId, EmploymentKind Kind, BenefitType? Benefit, DateOnly From, DateOnly? To)
{
    public bool IsOn(DateOnly day) => From <= day && (To is null || day <= To);
}

/// <summary>A local criterion (TF1 (d)) with the TF4 headline problem configuration maps it to (null: none).</summary>
public sealed record LocalCriterionFact(Guid RecordId, PersonId? PersonId, string Criterion, HeadlineProblem? Problem, DateOnly On);

/// <summary>A treatment episode (DT1) of a member: health and substance misuse for TF4, when the reader may see it.</summary>
public sealed record TreatmentFact(Guid RecordId, PersonId PersonId, DateOnly Start, DateOnly? End)
{
    public bool Overlaps(DateOnly from, DateOnly to) => Start <= to && (End is null || End >= from);
}
