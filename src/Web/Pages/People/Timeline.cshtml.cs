using System.Globalization;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Web.Pages.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People;

/// <summary>Everything on a person the reader may see (case events, work, offences), newest first, as an MOJ timeline.</summary>
public sealed class PersonTimelineModel(ISender sender, LocalTime time) : PageModel
{
    private const int PageSize = 25;

    public Guid Id { get; private set; }

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<TimelineItem> Items { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public string PersonHref => $"/people/{Id}";

    /// <summary>The person page's sub-navigation, the timeline current.</summary>
    public PersonNav Nav => PersonSections.Nav(Id, PersonSection.Timeline);

    public async Task OnGetAsync(Guid id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Id = id;
        var person = await sender.Send(new GetPersonQuery(new PersonId(id)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        var page = await sender.Send(new GetTimelineQuery(new PersonId(id), Math.Max(pageNumber, 1), PageSize), cancellationToken);
        Items = page.Items.Select(e => new TimelineItem(
            e.Title,
            e.Detail,
            e.Kind is "Offence" or "CaseStarted" ? LocalTime.Date(e.Date) : time.DateAndTime(e.At),
            e.Kind is "Offence" or "CaseStarted" ? e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : time.Iso(e.At),
            Byline(e),
            e.CaseId is { } caseId ? $"/cases/{caseId}" : null,
            e.Scheme is { } scheme ? SchemeNames.Of<Scheme>(scheme) : null,
            CaseDetailsModel.Explain(e.Access))).ToList();
        Pages = Pagination.For(page, "Pages of the timeline", p => $"/people/{id}/timeline?page={p.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string Byline(TimelineEntry entry)
    {
        var category = SchemeNames.Of<DataCategory>(entry.DataCategory);
        return entry.By is { } by ? $"{by}, {entry.OwnerAgency} ({category})" : $"{entry.OwnerAgency} ({category})";
    }
}

public sealed record TimelineItem(string Title, string? Detail, string When, string MachineTime, string Byline, string? CaseHref, string? Scheme, string? SharedBecause);
