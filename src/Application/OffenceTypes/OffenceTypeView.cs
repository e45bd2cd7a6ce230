using CaseManager.Domain.Offending;

namespace CaseManager.Application.OffenceTypes;

public sealed record OffenceTypeView(string Code, string Name, decimal? UnitCost, int? PriceYear, int Version)
{
    public static OffenceTypeView From(OffenceType type) => new(type.Code, type.Name, type.UnitCost, type.PriceYear, type.Version);
}
