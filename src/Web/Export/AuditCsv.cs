using System.Globalization;
using CaseManager.Application.Auditing;
using CaseManager.Domain.Auditing;
using CaseManager.Web.Pages;

namespace CaseManager.Web.Export;

/// <summary>An audit entry as a CSV row: the page's download and the API's share it, so both have the same columns.</summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["Entry", "Time", "User", "User's email", "User's agency", "Action", "Action code", "Outcome", "Rule", "Person", "Person id", "Record type", "Record id", "Owning agency", "Detail"];

    public static Func<AuditEntryView, IEnumerable<string?>> Row(LocalTime time) => e =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture), time.Iso(e.At), e.ActorName, e.ActorEmail, e.ActorAgency, e.ActionName, e.Action,
        e.Outcome, SchemeNames.Of<AccessRule>(e.Rule), e.PersonName, e.PersonId?.ToString(), e.EntityType, e.EntityId, e.OwnerAgency, e.Detail,
    ];
}
