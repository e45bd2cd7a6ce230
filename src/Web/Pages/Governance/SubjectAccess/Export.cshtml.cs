using System.Globalization;
using System.Text.Json;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Application.Auditing;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.SubjectAccess;

/// <summary>
/// A subject access export as a printable page, and as files: the whole export as JSON and the access log as CSV.
/// Each of the three is produced afresh, and so audited, when it is asked for.
/// </summary>
public sealed class SubjectAccessExportModel(ISender sender, LocalTime time) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly string[] AccessLogHeader =
        ["Entry", "Time", "User", "User's agency", "Action", "Outcome", "Rule", "Record type", "Record id", "Owning agency", "Detail"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The day the request arrived (?receivedOn=yyyy-mm-dd); today when not given.</summary>
    [BindProperty(SupportsGet = true, Name = "receivedOn")]
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>For a complex request, the day the person was told the time is extended (?extensionToldOn=yyyy-mm-dd).</summary>
    [BindProperty(SupportsGet = true, Name = "extensionToldOn")]
    public DateOnly? ExtensionToldOn { get; set; }

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SummaryRow> Summary { get; private set; } = [];

    public IReadOnlyList<SummaryRow> Person { get; private set; } = [];

    /// <summary>Who accessed the person record itself.</summary>
    public string PersonAccessedBy { get; private set; } = string.Empty;

    /// <summary>One table per kind of record, in the export's order, each row saying who accessed that record.</summary>
    public IReadOnlyList<DataTable> Records { get; private set; } = [];

    public DataTable? AccessLog { get; private set; }

    public string JsonHref => $"/governance/subject-access/{Id}?handler=json{Received}";

    public string CsvHref => $"/governance/subject-access/{Id}?handler=csv{Received}";

    private string Received =>
        (ReceivedOn is { } day ? $"&receivedOn={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty)
        + (ExtensionToldOn is { } told ? $"&extensionToldOn={told.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var export = await ExportAsync(cancellationToken);
        var person = export.Person;
        PersonName = $"{person.GivenName} {person.FamilyName}";
        Summary =
        [
            new("Request received", LocalTime.Date(export.ReceivedOn)),
            new("Respond by", export.ExtensionToldOn is { } told
                ? $"{LocalTime.Date(export.RespondBy)} (extended: the person was told on {LocalTime.Date(told)})"
                : LocalTime.Date(export.RespondBy)),
            new("Produced", time.DateAndTime(export.ProducedAt)),
        ];
        Person =
        [
            new("Name", PersonName),
            new("Date of birth", LocalTime.Date(person.DateOfBirth)),
            new("Gender", person.Gender),
            new("PNC id", person.Identifiers.Pnc),
            new("CRN", person.Identifiers.Crn),
            new("NHS number", person.Identifiers.NhsNumber),
            new("UPN", person.Identifiers.Upn),
            new("Address", person.Address),
            new("Owning agency", person.OwnerAgency),
            new("Recorded", time.DateAndTime(person.CreatedAt)),
        ];
        PersonAccessedBy = SeenBy(export.PersonAccessedBy);
        Records = export.Records.Select(section => new DataTable(
            section.Title, $"sar-{section.Kind}", section.WhenEmpty,
            [.. section.Headers, "Accessed by"],
            section.Records.Select(record => Row([.. record.Cells.Select(Cell), SeenBy(record.AccessedBy)])).ToList())).ToList();
        AccessLog = new DataTable(
            "Access log", "sar-access-log", "Nobody has read or tried to read this person's records.",
            ["Entry", "Time", "User", "Agency", "Action", "Outcome", "Rule", "Detail"],
            export.AccessLog.Select(e => Row(
                e.Sequence.ToString(CultureInfo.InvariantCulture), time.DateAndTime(e.At), e.ActorName ?? e.ActorEmail, e.ActorAgency,
                e.ActionName, e.Outcome, SchemeNames.Of<AccessRule>(e.Rule), e.Detail)).ToList());
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        var export = await ExportAsync(cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"subject-access-{Id}.json");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var export = await ExportAsync(cancellationToken);
        var csv = Csv.Write(AccessLogHeader, export.AccessLog.Select(e => new[]
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture), time.Iso(e.At), e.ActorEmail, e.ActorAgency, e.ActionName,
            e.Outcome, e.Rule, e.EntityType, e.EntityId, e.OwnerAgency, e.Detail,
        }));
        return File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"access-log-{Id}.csv");
    }

    private Task<SubjectAccessExport> ExportAsync(CancellationToken cancellationToken) =>
        sender.Send(new ExportSubjectAccessQuery(new PersonId(Id), ReceivedOn, ExtensionToldOn), cancellationToken).AsTask();

    private static List<string> Row(params string?[] cells) => cells.Select(c => string.IsNullOrWhiteSpace(c) ? "–" : c).ToList();

    /// <summary>A record's cell as words: enums by name, dates in the partnership's time, lists joined.</summary>
    private string? Cell(object? value) => value switch
    {
        null => null,
        string text => text,
        Enum named => SchemeNames.OfEnum(named),
        DateOnly day => LocalTime.Date(day),
        DateTimeOffset at => time.DateAndTime(at),
        bool yes => yes ? "Yes" : "No",
        IEnumerable<object> items => string.Join(", ", items.Select(Cell)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>"Pat Smith (POLICE) 2 times, last 3 Dec 2026, 10:00": who read, changed or was refused a record.</summary>
    private string SeenBy(IReadOnlyList<AuditEntryView> entries) =>
        entries.Count == 0
            ? "Nobody"
            : string.Join("; ", entries
                .GroupBy(e => (Name: e.ActorName ?? e.ActorEmail, e.ActorAgency))
                .Select(g => $"{g.Key.Name}{(g.Key.ActorAgency is { } agency ? $" ({agency})" : string.Empty)}"
                    + $"{(g.Count() == 1 ? string.Empty : $" {g.Count()} times")}, last {time.DateAndTime(g.Max(e => e.At))}"));
}
