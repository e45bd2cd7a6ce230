using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Outcomes;

public readonly record struct EmploymentRecordId(Guid Value)
{
    public static EmploymentRecordId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>A spell of an adult's working life that TF1 (c), TF2 and TF4 are worked out from.</summary>
public enum EmploymentKind
{
    OutOfWorkBenefit,
    InWork,
    WorkProgramme,
    EsfProvision,
}

/// <summary>The out-of-work benefit of a spell: TF4's continuous employment asks whether the adult was on JSA.</summary>
public enum BenefitType
{
    Jsa,
    Esa,
    IncomeSupport,
    UniversalCredit,
    Other,
}

/// <summary>
/// A dated spell: on an out-of-work benefit (with its type), in work, on the Work Programme or attached to ESF
/// provision, from a day to a day (open while it goes on; both days count). Education, employment and benefits
/// data owned by the recording agency; ended through <see cref="End"/> by that agency.
/// </summary>
public sealed class EmploymentRecord : IPersonRecord
{
    private EmploymentRecord()
    {
    }

    public EmploymentRecordId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; } = DataCategory.EducationEmploymentBenefits;

    public EmploymentKind Kind { get; private set; }

    /// <summary>The benefit of an out-of-work benefit spell; null for every other kind.</summary>
    public BenefitType? Benefit { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of the spell; null while it goes on.</summary>
    public DateOnly? To { get; private set; }

    public string? Detail { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsOn(DateOnly day) => From <= day && (To is null || To >= day);

    public static EmploymentRecord Record(
        PersonId personId, EmploymentKind kind, BenefitType? benefit, DateOnly from, DateOnly? to, string? detail,
        AgencyCode byAgency, Guid recordedBy, DateTimeOffset now, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("employment.kind", "Select what kind of employment record this is");
        }

        if (kind == EmploymentKind.OutOfWorkBenefit && (benefit is null || !Enum.IsDefined(benefit.Value)))
        {
            throw new DomainRuleException("employment.benefit", "Select the out-of-work benefit");
        }

        if (kind != EmploymentKind.OutOfWorkBenefit && benefit is not null)
        {
            throw new DomainRuleException("employment.benefit", "Only an out-of-work benefit spell has a benefit");
        }

        if (from > today)
        {
            throw new DomainRuleException("employment.in-future", "The start date cannot be in the future");
        }

        var record = new EmploymentRecord
        {
            Id = EmploymentRecordId.New(),
            PersonId = personId,
            OwnerAgency = byAgency,
            Kind = kind,
            Benefit = benefit,
            From = from,
            Detail = Guard.Optional(detail, 200, "employment.detail", "The detail must be 200 characters or fewer"),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
        if (to is { } last)
        {
            record.End(last, today);
        }

        return record;
    }

    /// <summary>Ends the spell on its last day, once (the handler lets only the owning agency).</summary>
    public void End(DateOnly to, DateOnly today)
    {
        if (To is not null)
        {
            throw new DomainRuleException("employment.already-ended", "This spell has already ended");
        }

        if (to < From)
        {
            throw new DomainRuleException("employment.dates", "The end date cannot be before the start date");
        }

        if (to > today)
        {
            throw new DomainRuleException("employment.in-future", "The end date cannot be in the future");
        }

        To = to;
    }
}
