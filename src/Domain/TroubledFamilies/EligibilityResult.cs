using CaseManager.Domain.People;

namespace CaseManager.Domain.TroubledFamilies;

/// <summary>A family's eligibility in one phase as at a day, criterion by criterion (API.md "Troubled Families eligibility").</summary>
public sealed record EligibilityResult(int Phase, DateOnly AsOf, bool Eligible, IReadOnlyList<EligibilityCriterion> Criteria, string Summary);

/// <summary>
/// One criterion: its code (TF1 <c>CrimeAsb</c>, <c>Education</c>, <c>Work</c>, <c>Local</c>; TF4 the six headline
/// problems), whether it is met, the records that show it, and in plain English what was found and what is missing.
/// </summary>
public sealed record EligibilityCriterion(string Code, bool Met, IReadOnlyList<EligibilityEvidence> Evidence, string Found, string? Missing);

/// <summary>A record that shows a criterion: its kind (Offence, Asb, Education, Employment, LocalCriterion, Treatment), id, person and day.</summary>
public sealed record EligibilityEvidence(string Kind, Guid RecordId, PersonId? PersonId, DateOnly On, string Detail);
