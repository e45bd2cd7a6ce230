using CaseManager.Domain.Common;

namespace CaseManager.Domain.Reporting;

/// <summary>The strategy's five priorities, one section each of the partnership report.</summary>
public enum PartnershipPriority
{
    Asb,
    Reoffending,
    DrugsAndAlcohol,
    Families,
    VulnerablePeople,
}

/// <summary>What a reference figure counts in, so it is shown as 17.8%, £439,529 or 1,204.</summary>
public enum ReferenceUnit
{
    Percent,
    Pounds,
    Count,
}

public readonly record struct ReferenceFigureId(Guid Value)
{
    public static ReferenceFigureId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A dated figure from outside the case records that the partnership report sets its own figures against: a survey
/// result ("ASB is a problem in my area", 17.8% then 7.6%), a cost baseline, a share before a service changed. An
/// administrator keeps them, each with its source, so no such figure is a constant in code. A code names the
/// series; one figure per code and date.
/// </summary>
public sealed class ReferenceFigure
{
    private ReferenceFigure()
    {
    }

    public ReferenceFigureId Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public PartnershipPriority Priority { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public decimal Value { get; private set; }

    public ReferenceUnit Unit { get; private set; }

    /// <summary>The day or the end of the period the figure describes.</summary>
    public DateOnly On { get; private set; }

    public string Source { get; private set; } = string.Empty;

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static ReferenceFigure Record(
        string code, PartnershipPriority priority, string label, decimal value, ReferenceUnit unit, DateOnly on, string source, Guid recordedBy, DateTimeOffset at)
    {
        var trimmed = Guard.Required(code, "reference-figure.code", "Enter a code", maxLength: 40);
        if (!trimmed.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainRuleException("reference-figure.code", "The code may contain only letters and digits");
        }

        if (unit == ReferenceUnit.Percent && value is < 0 or > 100)
        {
            throw new DomainRuleException("reference-figure.value", "A percentage is between 0 and 100");
        }

        if (value < 0)
        {
            throw new DomainRuleException("reference-figure.value", "The value cannot be negative");
        }

        return new ReferenceFigure
        {
            Id = ReferenceFigureId.New(),
            Code = trimmed,
            Priority = priority,
            Label = Guard.Required(label, "reference-figure.label", "Enter what the figure measures", maxLength: 200),
            Value = Math.Round(value, 2),
            Unit = unit,
            On = on,
            Source = Guard.Required(source, "reference-figure.source", "Enter where the figure comes from", maxLength: 300),
            RecordedBy = recordedBy,
            RecordedAt = at,
        };
    }
}
