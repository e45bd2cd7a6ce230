using CaseManager.Domain.Common;

namespace CaseManager.Domain.Offending;

/// <summary>
/// Reference data an administrator maintains: the offence types a partnership records and, where known, the cost
/// of one such crime to society at a stated price year (DOMAIN.md IOM7). Uncosted types count as offences but add
/// nothing to the cost of crime.
/// </summary>
public sealed class OffenceType : AggregateRoot
{
    /// <summary>What a code may hold: letters and digits, at most 40 of them.</summary>
    public const string CodePattern = "^[A-Za-z0-9]+$";

    private OffenceType()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public decimal? UnitCost { get; private set; }

    public int? PriceYear { get; private set; }

    public static OffenceType Define(string code, string name, decimal? unitCost, int? priceYear)
    {
        var trimmed = Guard.Required(code, "offence-type.code", "Enter a code", maxLength: 40);
        if (!trimmed.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainRuleException("offence-type.code", "The code may contain only letters and digits");
        }

        var type = new OffenceType { Code = trimmed };
        type.Change(name, unitCost, priceYear);
        return type;
    }

    public void Change(string name, decimal? unitCost, int? priceYear)
    {
        if (unitCost is < 0)
        {
            throw new DomainRuleException("offence-type.cost", "The unit cost cannot be negative");
        }

        if (unitCost is not null && priceYear is null)
        {
            throw new DomainRuleException("offence-type.price-year", "Give the price year of the unit cost");
        }

        if (priceYear is < 1990 or > 2100)
        {
            throw new DomainRuleException("offence-type.price-year", "The price year must be between 1990 and 2100");
        }

        Name = Guard.Required(name, "offence-type.name", "Enter a name", maxLength: 100);
        UnitCost = unitCost;
        PriceYear = unitCost is null ? null : priceYear;
    }
}
