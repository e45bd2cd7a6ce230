using System.Globalization;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Auditing;
using CaseManager.Application.Auditing.SearchAudit;
using CaseManager.Domain.Auditing;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.Audit;

public sealed class AuditSearchModel(ISender sender, LocalTime time) : PageModel, IReloadablePage
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditSearchInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public IReadOnlyList<AuditRow>? Entries { get; private set; }

    public string? ResultsCaption { get; private set; }

    public Pagination? Pages { get; private set; }

    /// <summary>The page number is read from the query string only: "page" is also the Razor Pages route value.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        await ReloadAsync(cancellationToken);
        var personId = ParseId(Input.PersonId, "Input.PersonId", "Enter the person id as it appears on their record, for example 0193a5b2-7c1e-7d40-9f3a-2b6c8d9e0f11");
        var userId = ParseId(Input.UserId, "Input.UserId", "Enter the user id as it appears in the audit trail");
        if (!Input.From.TryGetDate(out var from))
        {
            ModelState.AddModelError("Input.From", "The start date must be a real date");
        }

        if (!Input.To.TryGetDate(out var to))
        {
            ModelState.AddModelError("Input.To", "The end date must be a real date");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var page = await sender.Send(
            new SearchAuditQuery(personId, userId, string.IsNullOrEmpty(Input.AgencyCode) ? null : Input.AgencyCode, from, to, Input.SharedOnly, Math.Max(pageNumber, 1), PageSize),
            cancellationToken);
        Entries = page.Items.Select(ToRow).ToList();
        ResultsCaption = page.Total == 1 ? "1 entry, newest first" : $"{page.Total} entries, newest first";
        Pages = Pagination.For(page, "Pages of audit entries", PageHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        AgencyItems = [new SelectListItem("All agencies", string.Empty), .. agencies.Select(a => new SelectListItem(a.Name, a.Code))];
    }

    private Guid? ParseId(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value.Trim(), out var id))
        {
            return id;
        }

        ModelState.AddModelError(field, message);
        return null;
    }

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
        var subject = type is null || entry.OwnerAgency is null ? type : $"{type} ({entry.OwnerAgency})";
        return new AuditRow(
            entry.Sequence,
            time.DateAndTime(entry.At),
            entry.ActorEmail,
            entry.ActorAgency ?? string.Empty,
            entry.Action,
            entry.Outcome,
            tagClass,
            SchemeNames.Of<AccessRule>(entry.Rule),
            subject,
            entry.PersonId is { } person ? $"/governance/audit?Input.PersonId={person}" : null,
            entry.Detail ?? string.Empty);
    }
}

/// <summary>The audit search, as typed: ids are text so that a mistyped one is shown again with its error.</summary>
public sealed class AuditSearchInput
{
    public string? PersonId { get; set; }

    public string? UserId { get; set; }

    public string? AgencyCode { get; set; }

    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    public bool SharedOnly { get; set; }
}

/// <summary>One audit entry as the search results show it.</summary>
public sealed record AuditRow(
    long Sequence,
    string At,
    string Actor,
    string Agency,
    string Action,
    string Outcome,
    string OutcomeTagClass,
    string Rule,
    string? Subject,
    string? PersonHref,
    string Detail);
