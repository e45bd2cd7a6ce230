using CaseManager.Application.Households;
using CaseManager.Application.Households.EndHouseholdMembership;
using CaseManager.Application.Households.GetHouseholdMember;
using CaseManager.Domain.Households;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>Records the last day of a membership (EndHouseholdMembershipCommand, DOMAIN.md FAM2; from the day after, IS7b no longer applies to the person through this household).</summary>
public sealed class EndMemberModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid MemberId { get; set; }

    [BindProperty]
    public EndMemberInput Input { get; set; } = new();

    public HouseholdMemberView Member { get; private set; } = null!;

    public string Href => HouseholdWords.Href(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.To.TryGetDate(out var to))
        {
            ModelState.AddModelError("Input.To", "The date the person left must be a real date");
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var member = await sender.Send(new EndHouseholdMembershipCommand(new HouseholdId(Id), MemberId, to), cancellationToken);
        TempData["Success"] = $"{member.PersonName}'s membership ends on {LocalTime.Date(member.To)}";
        return Redirect(Href);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Member = await sender.Send(new GetHouseholdMemberQuery(new HouseholdId(Id), MemberId), cancellationToken);
}

public sealed class EndMemberInput
{
    public DateParts To { get; set; } = new();
}
