using CaseManager.Application.Common.Paging;
using CaseManager.Application.Households;
using CaseManager.Application.Households.ListPersonHouseholds;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People;

/// <summary>
/// The households a person was ever a member of (ListPersonHouseholdsQuery, DOMAIN.md FAM2), newest membership first;
/// every one is a household the reader may open, so each links to its page.
/// </summary>
public sealed class PersonHouseholdsModel(ISender sender) : PageModel
{
    private const int PageSize = 25;

    public Guid Id { get; private set; }

    public string PersonName { get; private set; } = string.Empty;

    public Paged<PersonHouseholdItem> Memberships { get; private set; } = null!;

    public Pagination? Pages { get; private set; }

    public string PersonHref => $"/people/{Id}";

    public PersonNav Nav => PersonSections.Nav(Id, PersonSection.Households);

    public async Task OnGetAsync(Guid id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Id = id;
        var person = await sender.Send(new GetPersonQuery(new PersonId(id)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        Memberships = await sender.Send(new ListPersonHouseholdsQuery(new PersonId(id), Math.Max(pageNumber, 1), PageSize), cancellationToken);
        Pages = Pagination.For(Memberships, "Pages of households", p => $"/people/{id}/households?page={p}");
    }
}
