using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People;

public sealed class PersonDetailsModel(ISender sender) : PageModel
{
    public PersonDetailsView? Person { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Person = await sender.Send(new GetPersonQuery(new PersonId(id)), cancellationToken);
}
