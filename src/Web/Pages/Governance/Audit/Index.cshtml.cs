using System.Globalization;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Auditing;
using CaseManager.Application.Auditing.ExportAudit;
using CaseManager.Application.Auditing.FindPeopleForGovernance;
using CaseManager.Application.Auditing.FindUsersForGovernance;
using CaseManager.Application.Auditing.SearchAudit;
using CaseManager.Domain.Auditing;
using CaseManager.Web.Errors;
using CaseManager.Web.Export;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.Audit;

/// <summary>
/// The audit trail for the information governance lead. The person and user filters take a name (or an id, from a
/// link): one match is used, several are offered to choose from. The same filters download as CSV.
/// </summary>
public sealed class AuditSearchModel(ISender sender, LocalTime time) : PageModel, IReloadablePage
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditSearchInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public IReadOnlyList<AuditRow>? Entries { get; private set; }

    public string? ResultsCaption { get; private set; }

    /// <summary>The filters in force, in words ("About Dawn Marsh; by Pat Smith; from 1 November 2026").</summary>
    public IReadOnlyList<string> FiltersInForce { get; private set; } = [];

    /// <summary>When a name matched several people or users: each one, with the search narrowed to them.</summary>
    public IReadOnlyList<FilterChoice> PersonChoices { get; private set; } = [];

    public IReadOnlyList<FilterChoice> UserChoices { get; private set; } = [];

    public string? CsvHref { get; private set; }

    public Pagination? Pages { get; private set; }

    /// <summary>The page number is read from the query string only: "page" is also the Razor Pages route value.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        await ReloadAsync(cancellationToken);
        if (await FiltersAsync(cancellationToken) is not { } filters)
        {
            return;
        }

        var page = await sender.Send(
            new SearchAuditQuery(filters.PersonId, filters.UserId, filters.AgencyCode, filters.From, filters.To, filters.SharedOnly, Math.Max(pageNumber, 1), PageSize),
            cancellationToken);
        Entries = page.Items.Select(ToRow).ToList();
        ResultsCaption = page.Total == 1 ? "1 entry, newest first" : $"{page.Total.ToString("N0", CultureInfo.InvariantCulture)} entries, newest first";
        Pages = Pagination.For(page, "Pages of audit entries", PageHref);
        CsvHref = "/governance/audit" + QueryString.Create(ResolvedQuery(filters).Append(new("handler", "csv")));
    }

    /// <summary>The same search as text/csv, every entry (up to the download limit), names beside ids.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await FiltersAsync(cancellationToken) is not { } filters)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var export = await sender.Send(new ExportAuditQuery(filters.PersonId, filters.UserId, filters.AgencyCode, filters.From, filters.To, filters.SharedOnly), cancellationToken);
        var csv = Csv.Write(AuditCsv.Header, export.Entries.Select(AuditCsv.Row(time)));
        return File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"audit-{time.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        AgencyItems = [new SelectListItem("All agencies", string.Empty), .. agencies.Select(a => new SelectListItem(a.Name, a.Code))];
    }

    /// <summary>The filters as the queries take them, or null (with errors or choices shown) when they are not yet clear.</summary>
    private async Task<AuditFilters?> FiltersAsync(CancellationToken cancellationToken)
    {
        var words = new List<string>();
        var personId = await PersonAsync(words, cancellationToken);
        var userId = await UserAsync(words, cancellationToken);
        if (!Input.From.TryGetDate(out var from))
        {
            ModelState.AddModelError("Input.From", "The start date must be a real date");
        }

        if (!Input.To.TryGetDate(out var to))
        {
            ModelState.AddModelError("Input.To", "The end date must be a real date");
        }

        var agency = string.IsNullOrEmpty(Input.AgencyCode) ? null : Input.AgencyCode;
        if (agency is not null)
        {
            words.Add($"Users of, or records owned by, {AgencyItems.FirstOrDefault(a => a.Value == agency)?.Text ?? agency}");
        }

        if (from is { } start)
        {
            words.Add($"From {LocalTime.Date(start)}");
        }

        if (to is { } end)
        {
            words.Add($"To {LocalTime.Date(end)}");
        }

        if (Input.SharedOnly)
        {
            words.Add("Cross-agency disclosures only");
        }

        FiltersInForce = words;
        if (!ModelState.IsValid || PersonChoices.Count > 0 || UserChoices.Count > 0)
        {
            return null;
        }

        return new AuditFilters(personId, userId, agency, from, to, Input.SharedOnly);
    }

    private async Task<Guid?> PersonAsync(List<string> words, CancellationToken cancellationToken)
    {
        var text = Input.PersonId?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            words.Add($"About person {id}");
            return id;
        }

        if (text.Length > 100)
        {
            ModelState.AddModelError("Input.PersonId", "The person's name must be 100 characters or fewer");
            return null;
        }

        var found = await sender.Send(new FindPeopleForGovernanceQuery(text), cancellationToken);
        switch (found.People.Count)
        {
            case 0:
                ModelState.AddModelError("Input.PersonId", $"Nobody called \"{text}\" is held by any agency: check the spelling, or use a date of birth or identifier");
                return null;
            case 1:
                var person = found.People[0];
                words.Add($"About {person.GivenName} {person.FamilyName}, born {LocalTime.Date(person.DateOfBirth)}");
                return person.Id;
            default:
                PersonChoices = found.People.Select(p => new FilterChoice(
                    $"{p.GivenName} {p.FamilyName}, born {LocalTime.Date(p.DateOfBirth)} ({p.OwnerAgency})",
                    Narrowed("Input.PersonId", p.Id))).ToList();
                return null;
        }
    }

    private async Task<Guid?> UserAsync(List<string> words, CancellationToken cancellationToken)
    {
        var text = Input.UserId?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            words.Add($"By user {id}");
            return id;
        }

        if (text.Length > 100)
        {
            ModelState.AddModelError("Input.UserId", "The user's name or email must be 100 characters or fewer");
            return null;
        }

        var found = await sender.Send(new FindUsersForGovernanceQuery(text), cancellationToken);
        switch (found.Users.Count)
        {
            case 0:
                ModelState.AddModelError("Input.UserId", $"No user's name or email contains \"{text}\"");
                return null;
            case 1:
                var user = found.Users[0];
                words.Add($"By {user.DisplayName} ({user.Email})");
                return user.Id;
            default:
                UserChoices = found.Users.Select(u => new FilterChoice($"{u.DisplayName} ({u.Email}, {u.AgencyCode})", Narrowed("Input.UserId", u.Id))).ToList();
                return null;
        }
    }

    private string Narrowed(string field, Guid id) =>
        "/governance/audit" + QueryString.Create(Request.Query
            .Where(parameter => parameter.Key != field && parameter.Key != "page" && parameter.Key != "handler")
            .SelectMany(parameter => parameter.Value.Select(value => new KeyValuePair<string, string?>(parameter.Key, value)))
            .Append(new(field, id.ToString())));

    private IEnumerable<KeyValuePair<string, string?>> ResolvedQuery(AuditFilters filters) =>
        Request.Query
            .Where(parameter => parameter.Key is not ("page" or "handler" or "Input.PersonId" or "Input.UserId"))
            .SelectMany(parameter => parameter.Value.Select(value => new KeyValuePair<string, string?>(parameter.Key, value)))
            .Concat(filters.PersonId is { } person ? [new("Input.PersonId", person.ToString())] : [])
            .Concat(filters.UserId is { } user ? [new KeyValuePair<string, string?>("Input.UserId", user.ToString())] : []);

    private string PageHref(int page) =>
        QueryString.Create(Request.Query
            .Where(parameter => parameter.Key != "page")
            .SelectMany(parameter => parameter.Value.Select(value => new KeyValuePair<string, string?>(parameter.Key, value)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture))))
            .ToString();

    private AuditRow ToRow(AuditEntryView entry)
    {
        var tagClass = entry.Outcome switch
        {
            nameof(AuditOutcome.Allowed) => "govuk-tag--green",
            nameof(AuditOutcome.Refused) => "govuk-tag--red",
            _ => "govuk-tag--orange",
        };
        var type = entry.EntityType ?? (entry.PersonId is null ? null : "Person");
        var record = type is null || entry.OwnerAgency is null ? type : $"{type} ({entry.OwnerAgency})";
        var person = entry.PersonId is null ? null : entry.PersonName ?? "A person no longer held";
        return new AuditRow(
            entry.Sequence,
            time.DateAndTime(entry.At),
            entry.ActorName ?? entry.ActorEmail,
            entry.ActorName is null ? null : entry.ActorEmail,
            entry.ActorAgency ?? string.Empty,
            entry.ActionName,
            entry.Action,
            entry.Outcome,
            tagClass,
            SchemeNames.Of<AccessRule>(entry.Rule),
            person,
            record,
            entry.PersonId is { } id ? $"/governance/audit?Input.PersonId={id}" : null,
            entry.Detail ?? string.Empty);
    }
}

/// <summary>The audit search, as typed: a name or an id, shown again as typed with its error.</summary>
public sealed class AuditSearchInput
{
    /// <summary>The person the entries are about: a name, date of birth or identifier, or their id.</summary>
    public string? PersonId { get; set; }

    /// <summary>The user who acted: part of their name or email, or their id.</summary>
    public string? UserId { get; set; }

    public string? AgencyCode { get; set; }

    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    public bool SharedOnly { get; set; }
}

public sealed record AuditFilters(Guid? PersonId, Guid? UserId, string? AgencyCode, DateOnly? From, DateOnly? To, bool SharedOnly);

/// <summary>One of several people or users a name matched, and the search narrowed to them.</summary>
public sealed record FilterChoice(string Text, string Href);

/// <summary>One audit entry as the search results show it.</summary>
public sealed record AuditRow(
    long Sequence,
    string At,
    string Actor,
    string? ActorEmail,
    string Agency,
    string Action,
    string ActionCode,
    string Outcome,
    string OutcomeTagClass,
    string Rule,
    string? Person,
    string? Record,
    string? PersonHref,
    string Detail);
