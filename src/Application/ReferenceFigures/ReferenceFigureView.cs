using System.Globalization;
using CaseManager.Domain.Reporting;

namespace CaseManager.Application.ReferenceFigures;

public sealed record ReferenceFigureView(
    Guid Id, string Code, PartnershipPriority Priority, string Label, decimal Value, ReferenceUnit Unit, DateOnly On, string Source, DateTimeOffset RecordedAt)
{
    /// <summary>The value as people read it: 17.8%, £439,529, 1,204.</summary>
    public string Display => Unit switch
    {
        ReferenceUnit.Percent => Value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
        ReferenceUnit.Pounds => "£" + Value.ToString(Value == decimal.Truncate(Value) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture),
        _ => Value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    public static ReferenceFigureView From(ReferenceFigure figure) =>
        new(figure.Id.Value, figure.Code, figure.Priority, figure.Label, figure.Value, figure.Unit, figure.On, figure.Source, figure.RecordedAt);
}
