using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Interventions;

public readonly record struct InterventionId(Guid Value)
{
    public static InterventionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What the caller says happened, before the rules are checked.</summary>
public sealed record InterventionDetails(
    InterventionType Type,
    DateTimeOffset OccurredAt,
    int? DurationMinutes,
    string? Outcome,
    string? Notes,
    DrugTestResult? DrugTestResult,
    IReadOnlyList<Substance>? Substances);

/// <summary>
/// One piece of work with a person on a case (DOMAIN.md IOM4). It belongs to the agency of the worker who logged it,
/// and its category follows from its kind and the case's scheme (<see cref="InterventionTypes.CategoryOf"/>), so a
/// partner sees exactly what the sharing rule allows: a police officer's home visit on a probation case is police
/// offending data, and a keywork session or home visit on a treatment case is health data (DT5).
/// </summary>
public sealed class Intervention : IPersonRecord
{
    private Intervention()
    {
    }

    public InterventionId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public PersonId PersonId { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public InterventionType Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public int? DurationMinutes { get; private set; }

    public string? Outcome { get; private set; }

    public string? Notes { get; private set; }

    public DrugTestResult? DrugTestResult { get; private set; }

    /// <summary>Substances found by a positive drug test (empty otherwise).</summary>
    public IReadOnlyList<Substance> Substances { get; private set; } = [];

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary><paramref name="occurredOn"/> is the partnership's calendar day of <see cref="InterventionDetails.OccurredAt"/>.</summary>
    public static Intervention Log(Case onCase, InterventionDetails details, DateOnly occurredOn, AgencyCode byAgency, Guid recordedBy, DateTimeOffset now)
    {
        onCase.EnsureOpen();
        if (!InterventionTypes.For(onCase.Scheme).Contains(details.Type))
        {
            throw new DomainRuleException("intervention.type", $"{details.Type} is not work this scheme records");
        }

        if (details.OccurredAt > now)
        {
            throw new DomainRuleException("intervention.in-future", "The intervention cannot be in the future");
        }

        if (occurredOn < onCase.StartDate)
        {
            throw new DomainRuleException("intervention.before-start", "The intervention cannot be before the case started");
        }

        if (details.DurationMinutes is < 0 or > 24 * 60)
        {
            throw new DomainRuleException("intervention.duration", "The duration must be between 0 and 1440 minutes");
        }

        var isDrugTest = details.Type == InterventionType.DrugTest;
        if (isDrugTest && details.DrugTestResult is null)
        {
            throw new DomainRuleException("intervention.drug-test-result", "Give the drug test result");
        }

        if (!isDrugTest && (details.DrugTestResult is not null || details.Substances is { Count: > 0 }))
        {
            throw new DomainRuleException("intervention.not-drug-test", "Only a drug test has a result and substances");
        }

        var substances = details.Substances?.Distinct().Order().ToList() ?? [];
        if (substances.Count > 0 && details.DrugTestResult != Interventions.DrugTestResult.Positive)
        {
            throw new DomainRuleException("intervention.substances", "Substances are recorded only for a positive test");
        }

        return new Intervention
        {
            Id = InterventionId.New(),
            CaseId = onCase.Id,
            PersonId = onCase.PersonId ?? throw new DomainRuleException("case.family-work", "Work with a family is recorded on one of its members"),
            Scheme = onCase.Scheme,
            OwnerAgency = byAgency,
            DataCategory = InterventionTypes.CategoryOf(details.Type, onCase.Scheme),
            Type = details.Type,
            OccurredAt = details.OccurredAt,
            DurationMinutes = details.DurationMinutes,
            Outcome = Guard.Optional(details.Outcome, 200, "intervention.outcome", "The outcome must be 200 characters or fewer"),
            Notes = Guard.Optional(details.Notes, 4000, "intervention.notes", "Notes must be 4000 characters or fewer"),
            DrugTestResult = details.DrugTestResult,
            Substances = substances,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}
