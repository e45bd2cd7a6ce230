using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Treatment;

public readonly record struct TopRecordId(Guid Value)
{
    public static TopRecordId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// The answers of a Treatment Outcomes Profile (DOMAIN.md DT3). Every field may be null: "not answered". Days are
/// counted over the last 28 (0–28); the health and quality of life scores are 0–20; yes/no questions are bools.
/// </summary>
public sealed record TopAnswers
{
    public int? AlcoholDays { get; init; }

    /// <summary>Units on a typical drinking day.</summary>
    public int? AlcoholUnitsPerDay { get; init; }

    public int? OpiateDays { get; init; }

    public int? CrackDays { get; init; }

    public int? CocaineDays { get; init; }

    public int? AmphetamineDays { get; init; }

    public int? CannabisDays { get; init; }

    public string? OtherSubstanceName { get; init; }

    public int? OtherSubstanceDays { get; init; }

    public int? TobaccoDays { get; init; }

    public int? InjectedDays { get; init; }

    public bool? SharedNeedles { get; init; }

    public bool? SharedParaphernalia { get; init; }

    public int? ShopliftingDays { get; init; }

    public int? DrugSellingDays { get; init; }

    public int? VehicleTheftDays { get; init; }

    public int? OtherTheftDays { get; init; }

    public int? FraudDays { get; init; }

    public int? AssaultDays { get; init; }

    public int? PsychologicalHealth { get; init; }

    public int? PhysicalHealth { get; init; }

    public int? QualityOfLife { get; init; }

    public int? PaidWorkDays { get; init; }

    public int? EducationDays { get; init; }

    public bool? AcuteHousingProblem { get; init; }

    public bool? RiskOfEviction { get; init; }

    public const int MaxDays = 28;

    public const int MaxScore = 20;

    public const int MaxUnitsPerDay = 200;

    /// <summary>The day counts (0–28), by field name, for checks and charts.</summary>
    public IEnumerable<(string Field, int? Value)> DayCounts() =>
    [
        (nameof(AlcoholDays), AlcoholDays), (nameof(OpiateDays), OpiateDays), (nameof(CrackDays), CrackDays),
        (nameof(CocaineDays), CocaineDays), (nameof(AmphetamineDays), AmphetamineDays), (nameof(CannabisDays), CannabisDays),
        (nameof(OtherSubstanceDays), OtherSubstanceDays), (nameof(TobaccoDays), TobaccoDays), (nameof(InjectedDays), InjectedDays),
        (nameof(ShopliftingDays), ShopliftingDays), (nameof(DrugSellingDays), DrugSellingDays), (nameof(VehicleTheftDays), VehicleTheftDays),
        (nameof(OtherTheftDays), OtherTheftDays), (nameof(FraudDays), FraudDays), (nameof(AssaultDays), AssaultDays),
        (nameof(PaidWorkDays), PaidWorkDays), (nameof(EducationDays), EducationDays),
    ];

    /// <summary>The scores (0–20), by field name.</summary>
    public IEnumerable<(string Field, int? Value)> Scores() =>
        [(nameof(PsychologicalHealth), PsychologicalHealth), (nameof(PhysicalHealth), PhysicalHealth), (nameof(QualityOfLife), QualityOfLife)];
}

/// <summary>
/// One TOP completed on a treatment case (DT3), at a stage and on a day. A review or exit TOP counts only against a
/// start TOP, so without one it is refused (<c>top.no-start</c>). Start, review and exit TOPs are recorded while the
/// case is open; the optional post-treatment TOP only once the client is discharged, on or after the discharge date.
/// Health data (DT5), owned by the case's agency.
/// </summary>
public sealed class TopRecord : IPersonRecord
{
    private TopRecord()
    {
    }

    public TopRecordId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public PersonId PersonId { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public TopStage Stage { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    public TopAnswers Answers { get; private set; } = new();

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>DT3: a review or exit TOP counts only against a start TOP (<c>top.no-start</c> without one).</summary>
    public static bool RequiresStart(TopStage stage) => stage is TopStage.Review or TopStage.Exit;

    /// <summary><paramref name="earlier"/> are the TOPs already recorded on the case.</summary>
    public static TopRecord Complete(
        Case onCase, TopStage stage, DateOnly completedOn, TopAnswers answers, IReadOnlyCollection<TopRecord> earlier,
        Guid recordedBy, DateOnly today, DateTimeOffset at)
    {
        if (!TreatmentEpisode.IsTreatment(onCase.Scheme))
        {
            throw new DomainRuleException("treatment.not-treatment-case", "TOPs are recorded on treatment cases");
        }

        EnsureStageFits(onCase, stage, completedOn);

        var start = earlier.FirstOrDefault(t => t.CaseId == onCase.Id && t.Stage == TopStage.Start);
        if (RequiresStart(stage) && start is null)
        {
            throw new DomainRuleException("top.no-start", "Record the start TOP first: a review or exit TOP counts only against a start TOP");
        }

        if (stage == TopStage.Start && start is not null)
        {
            throw new DomainRuleException("top.start-exists", "This episode already has its start TOP");
        }

        if (completedOn > today)
        {
            throw new DomainRuleException("top.in-future", "The TOP date cannot be in the future");
        }

        if (completedOn < onCase.StartDate || (start is not null && completedOn < start.CompletedOn))
        {
            throw new DomainRuleException("top.before-start", "The TOP date cannot be before treatment or the start TOP");
        }

        Check(answers);
        return new TopRecord
        {
            Id = TopRecordId.New(),
            CaseId = onCase.Id,
            PersonId = onCase.PersonId ?? throw new DomainRuleException("case.family-work", "A TOP is recorded for one person"),
            Scheme = onCase.Scheme,
            OwnerAgency = onCase.OwnerAgency,
            DataCategory = DataCategory.HealthSubstanceMisuse,
            Stage = stage,
            CompletedOn = completedOn,
            Answers = answers with { OtherSubstanceName = Guard.Optional(answers.OtherSubstanceName, 100, "top.other-substance", "The other substance must be 100 characters or fewer") },
            RecordedBy = recordedBy,
            RecordedAt = at,
        };
    }

    /// <summary>DT3: start, review and exit during treatment; post-treatment after the discharge.</summary>
    private static void EnsureStageFits(Case onCase, TopStage stage, DateOnly completedOn)
    {
        if (stage != TopStage.PostTreatment)
        {
            onCase.EnsureOpen();
            return;
        }

        if (onCase.IsOpen || onCase.ExitedOn is not { } discharged)
        {
            throw new DomainRuleException("top.not-discharged", "A post-treatment TOP is recorded once the client has been discharged");
        }

        if (completedOn < discharged)
        {
            throw new DomainRuleException("top.before-discharge", "A post-treatment TOP cannot be dated before the discharge");
        }
    }

    private static void Check(TopAnswers answers)
    {
        foreach (var (field, value) in answers.DayCounts())
        {
            if (value is < 0 or > TopAnswers.MaxDays)
            {
                throw new DomainRuleException("top.range", $"{field} is a number of days in the last 28 (0 to 28)");
            }
        }

        foreach (var (field, value) in answers.Scores())
        {
            if (value is < 0 or > TopAnswers.MaxScore)
            {
                throw new DomainRuleException("top.range", $"{field} is a score from 0 to 20");
            }
        }

        if (answers.AlcoholUnitsPerDay is < 0 or > TopAnswers.MaxUnitsPerDay)
        {
            throw new DomainRuleException("top.range", "Alcohol units per day must be between 0 and 200");
        }
    }
}
