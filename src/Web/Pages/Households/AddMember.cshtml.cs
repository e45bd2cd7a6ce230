using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.People.SearchPeople;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>
/// Adds a member to a household (AddHouseholdMemberCommand, DOMAIN.md FAM2): find the person among those the reader may
/// see (a GET search, no JavaScript needed), then their relationship and the dates. The command's rules (a membership
/// that ends before it starts, a child over 25, an overlapping membership) come back as form errors and change nothing.
/// </summary>
public sealed class AddMemberModel(ISender sender, ICurrentUser currentUser, IValidator<AddHouseholdMemberCommand> validator) : PageModel, IReloadablePage
{
    private const int MaxResults = 20;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The person search, kept in the form so the choices come back with any error.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public AddMemberInput Input { get; set; } = new();

    public string HouseholdName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> PersonItems { get; private set; } = [];

    public int Found { get; private set; }

    public string Href => HouseholdWords.Href(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.From.TryGetDate(out var from))
        {
            ModelState.AddModelError("Input.From", "The date the person joined must be a real date");
        }

        if (!Input.To.TryGetDate(out var to))
        {
            ModelState.AddModelError("Input.To", "The date the person left must be a real date");
        }

        var command = new AddHouseholdMemberCommand(
            new HouseholdId(Id),
            new PersonId(Guid.TryParse(Input.PersonId, out var person) ? person : Guid.Empty),
            Enum.TryParse<Relationship>(Input.Relationship, out var relationship) ? relationship : null,
            from,
            to);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken, FieldOf);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var member = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{member.PersonName} has been added to the household";
        return Redirect(Href);
    }

    private static string? FieldOf(string property) =>
        property.StartsWith(nameof(AddHouseholdMemberCommand.PersonId), StringComparison.Ordinal) ? "Input.PersonId" : null;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var household = await sender.Send(new GetHouseholdQuery(new HouseholdId(Id)), cancellationToken);
        if (household.OwnerAgency != currentUser.Actor.Agency?.Value)
        {
            throw new ForbiddenAccessException($"Only {household.OwnerAgency} changes this household's members.");
        }

        HouseholdName = HouseholdWords.Name(household.Name);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var people = await sender.Send(new SearchPeopleQuery(Search, 1, MaxResults), cancellationToken);
            Found = people.Total;
            PersonItems = [.. people.Items.Select(p => new SelectListItem(
                $"{p.GivenName} {p.FamilyName}, born {LocalTime.Date(p.DateOfBirth)}", p.Id.ToString(), p.Id.ToString() == Input.PersonId))];
        }
    }
}

public sealed class AddMemberInput
{
    public string? PersonId { get; set; }

    public string? Relationship { get; set; }

    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();
}
