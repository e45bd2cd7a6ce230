using System.Globalization;
using System.Text.Json;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Application.BreakGlass;
using CaseManager.Application.Consents;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
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

    public DataTable? Cases { get; private set; }

    public DataTable? Consents { get; private set; }

    public DataTable? BreakGlass { get; private set; }

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
        Cases = new DataTable(
            "Cases", "sar-cases", "No cases are held on this person.",
            ["Scheme", "Agency", "Information", "Status", "Started", "Ended"],
            export.Cases.Select(c => Row(
                SchemeNames.Of<Scheme>(c.Scheme), c.OwnerAgency, SchemeNames.Of<DataCategory>(c.DataCategory), c.Status,
                LocalTime.Date(c.StartDate), LocalTime.Date(c.ExitedOn))).ToList());
        Consents = new DataTable(
            "Consent decisions", "sar-consents", "No consent decisions have been recorded.",
            ["Purpose", "Shared with", "Information", "Status", "Given by", "Recorded", "Review by", "Withdrawn", "Evidence"],
            export.Consents.Select(ConsentRow).ToList());
        BreakGlass = new DataTable(
            "Break-glass access", "sar-break-glass", "Nobody has used break-glass access to this person.",
            ["Used", "By agency", "Risk", "Justification", "Until", "Review", "Person told"],
            export.BreakGlass.Select(BreakGlassRow).ToList());
        AccessLog = new DataTable(
            "Access log", "sar-access-log", "Nobody has read or tried to read this person's records.",
            ["Entry", "Time", "User", "Agency", "Action", "Outcome", "Rule", "Detail"],
            export.AccessLog.Select(e => Row(
                e.Sequence.ToString(CultureInfo.InvariantCulture), time.DateAndTime(e.At), e.ActorEmail, e.ActorAgency,
                e.Action, e.Outcome, SchemeNames.Of<AccessRule>(e.Rule), e.Detail)).ToList());
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
            e.Sequence.ToString(CultureInfo.InvariantCulture), time.Iso(e.At), e.ActorEmail, e.ActorAgency, e.Action,
            e.Outcome, e.Rule, e.EntityType, e.EntityId, e.OwnerAgency, e.Detail,
        }));
        return File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"access-log-{Id}.csv");
    }

    private Task<SubjectAccessExport> ExportAsync(CancellationToken cancellationToken) =>
        sender.Send(new ExportSubjectAccessQuery(new PersonId(Id), ReceivedOn, ExtensionToldOn), cancellationToken).AsTask();

    private static List<string> Row(params string?[] cells) => cells.Select(c => string.IsNullOrWhiteSpace(c) ? "–" : c).ToList();

    private List<string> ConsentRow(ConsentView consent) => Row(
        SchemeNames.Of<Scheme>(consent.Purpose),
        string.Join(", ", consent.RecipientAgencies),
        SchemeNames.ListOf<DataCategory>(consent.DataCategories),
        SchemeNames.Of<ConsentStatus>(consent.Status),
        SchemeNames.Of<ConsentGivenBy>(consent.GivenBy),
        LocalTime.Date(consent.RecordedOn),
        LocalTime.Date(consent.ReviewOn),
        consent.WithdrawnAt is { } withdrawn ? $"{time.DateAndTime(withdrawn)}{(consent.WithdrawalReason is { } reason ? $": {reason}" : string.Empty)}" : null,
        consent.Evidence);

    private List<string> BreakGlassRow(BreakGlassView grant) => Row(
        time.DateAndTime(grant.GrantedAt),
        grant.UserAgency,
        SchemeNames.Of<RiskCategory>(grant.RiskCategory),
        grant.Justification,
        time.DateAndTime(grant.ExpiresAt),
        grant.ReviewOutcome is { } outcome ? $"{SchemeNames.Of<BreakGlassReviewOutcome>(outcome)}: {grant.ReviewNote}" : "Awaiting review",
        grant.PersonInformed switch
        {
            true => "Yes",
            false => $"No: {grant.PersonInformedNote}",
            null => "Not recorded",
        });
}
