using CaseManager.Application.BreakGlass;
using CaseManager.Application.BreakGlass.GetBreakGlassGrant;
using CaseManager.Application.BreakGlass.RecordPersonInformed;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages.People;

/// <summary>
/// Records whether the person was told of a break-glass access, or why telling them would be unsafe (IS1). For the
/// user who used the access and for the information governance lead; to anyone else the grant does not exist.
/// </summary>
public sealed class PersonInformedModel(ISender sender, ICurrentUser currentUser, LocalTime time) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PersonInformedInput Input { get; set; } = new();

    public IReadOnlyList<SummaryRow> Grant { get; private set; } = [];

    public IEnumerable<SelectListItem> Answers { get; } =
    [
        new SelectListItem("Yes, they have been told", "true"),
        new SelectListItem("No, telling them would be unsafe", "false"),
    ];

    /// <summary>The grantee goes back to the person while the access lasts; the IG lead to the review.</summary>
    public string BackHref { get; private set; } = "/people";

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Informed is null)
        {
            ModelState.AddModelError("Input.Informed", "Select whether the person has been told");
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var informed = Input.Informed!.Value;
        var grant = await sender.Send(
            new RecordPersonInformedCommand(new BreakGlassGrantId(Id), informed, string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note),
            cancellationToken);
        TempData["Success"] = informed
            ? "Recorded that the person has been told about the break-glass access"
            : "Recorded why the person has not been told about the break-glass access";
        return Redirect(BackTo(grant));
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var grant = await sender.Send(new GetBreakGlassGrantQuery(new BreakGlassGrantId(Id)), cancellationToken);
        BackHref = BackTo(grant);
        if (Request.Method == HttpMethods.Get && grant.PersonInformed is { } told)
        {
            Input = new PersonInformedInput { Informed = told, Note = grant.PersonInformedNote };
        }

        Grant =
        [
            new("Used", time.DateAndTime(grant.GrantedAt)),
            new("By agency", grant.UserAgency),
            new("Risk", SchemeNames.Of<RiskCategory>(grant.RiskCategory)),
            new("Access", (grant.Live ? "Until " : "Ended ") + time.DateAndTime(grant.ExpiresAt)),
            new("Person told", grant.PersonInformed switch
            {
                true => "Yes",
                false => $"No: {grant.PersonInformedNote}",
                null => "Not yet recorded",
            }),
        ];
    }

    private string BackTo(BreakGlassView grant) =>
        grant.UserId == currentUser.Actor.UserId
            ? grant.Live ? $"/people/{grant.PersonId}" : "/people"
            : $"/governance/break-glass/{grant.Id}/review";
}

public sealed class PersonInformedInput
{
    public bool? Informed { get; set; }

    public string? Note { get; set; }
}
