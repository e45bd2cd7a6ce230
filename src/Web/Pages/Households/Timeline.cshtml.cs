using System.Globalization;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Households;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Households.GetHouseholdTimeline;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Web.Pages.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>
/// The family's timeline (GetHouseholdTimelineQuery, DOMAIN.md FAM1): every agency's work with any member the reader may
/// see while they were a member, and the family cases' own events, newest first, filtered by member and by agency with
/// a GET form; each shared entry says why it is shown.
/// </summary>
public sealed class HouseholdTimelineModel(ISender sender, LocalTime time) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>One member's person id, or none for the whole family.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Member { get; set; }

    /// <summary>The owning agency's code, or none for every agency.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public HouseholdView Household { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public IReadOnlyList<HouseholdTimelineItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public Pagination? Pages { get; private set; }

    public bool Filtered => !string.IsNullOrEmpty(Member) || !string.IsNullOrEmpty(Agency);

    public string Href => HouseholdWords.Href(Id);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Household = await sender.Send(new GetHouseholdQuery(new HouseholdId(Id)), cancellationToken);
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        var members = Household.Members.GroupBy(m => m.PersonId).Select(g => g.First()).ToList();
        MemberItems = [new SelectListItem("Every member and the family", string.Empty), .. members.Select(m => new SelectListItem(m.PersonName ?? "Member", m.PersonId.ToString()))];
        AgencyItems = [new SelectListItem("Every agency", string.Empty), .. agencies.Select(a => new SelectListItem($"{a.Name} ({a.Code})", a.Code))];

        PersonId? member = null;
        if (!string.IsNullOrEmpty(Member))
        {
            if (Guid.TryParse(Member, out var person) && members.Any(m => m.PersonId == person))
            {
                member = new PersonId(person);
            }
            else
            {
                ModelState.AddModelError(nameof(Member), "Select a member of the household");
            }
        }

        if (!string.IsNullOrEmpty(Agency) && !agencies.Any(a => a.Code == Agency))
        {
            ModelState.AddModelError(nameof(Agency), "Select an agency of the partnership");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var page = await sender.Send(new GetHouseholdTimelineQuery(new HouseholdId(Id), member, string.IsNullOrEmpty(Agency) ? null : Agency, Math.Max(pageNumber, 1), PageSize), cancellationToken);
        var names = members.ToDictionary(m => m.PersonId, m => m.PersonName);
        Total = page.Total;
        Items = [.. page.Items.Select(e => new HouseholdTimelineItem(
            e.Title,
            e.Detail,
            DateOnlyKinds.Contains(e.Kind) ? LocalTime.Date(e.Date) : time.DateAndTime(e.At),
            DateOnlyKinds.Contains(e.Kind) ? e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : time.Iso(e.At),
            e.By is { } by ? $"{by}, {e.OwnerAgency} ({SchemeNames.Of<DataCategory>(e.DataCategory)})" : $"{e.OwnerAgency} ({SchemeNames.Of<DataCategory>(e.DataCategory)})",
            e.PersonId is { } about ? names.GetValueOrDefault(about) ?? "A member" : "The family",
            e.CaseId is { } caseId ? $"/cases/{caseId}" : null,
            e.Scheme is { } scheme ? SchemeNames.Of<Scheme>(scheme) : null,
            CaseDetailsModel.Explain(e.Access)))];
        Pages = Pagination.For(page, "Pages of the family's timeline", p =>
            $"{Href}/timeline?member={Uri.EscapeDataString(Member ?? string.Empty)}&agency={Uri.EscapeDataString(Agency ?? string.Empty)}&page={p.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The kinds dated by a day rather than a moment (as on the person's timeline).</summary>
    private static readonly HashSet<string> DateOnlyKinds = ["Offence", "CaseStarted", "Asb", "Education", "Employment", "LocalCriterion"];
}

public sealed record HouseholdTimelineItem(
    string Title, string? Detail, string When, string MachineTime, string Byline, string About, string? CaseHref, string? Scheme, string? SharedBecause);
