using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People;

/// <summary>Adds a person (RegisterPersonCommand); every error on the form is listed at once.</summary>
public sealed class CreatePersonModel(ISender sender, IValidator<RegisterPersonCommand> validator) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.DateOfBirth.TryGetDate(out var dateOfBirth))
        {
            ModelState.AddModelError("Input.DateOfBirth", "Date of birth must be a real date");
        }

        var command = new RegisterPersonCommand(
            Input.GivenName ?? string.Empty,
            Input.FamilyName ?? string.Empty,
            dateOfBirth,
            Input.Gender,
            new PersonIdentifierValues(Input.Pnc, Input.Crn, Input.NhsNumber, Input.Upn),
            Input.Address);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{person.GivenName} {person.FamilyName} has been added";
        return Redirect($"/people/{person.Id}");
    }
}

/// <summary>The person form's answers, kept as typed so that they are shown again after an error.</summary>
public sealed class PersonInput
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateParts DateOfBirth { get; set; } = new();

    public string? Gender { get; set; }

    public string? Pnc { get; set; }

    public string? Crn { get; set; }

    public string? NhsNumber { get; set; }

    public string? Upn { get; set; }

    public string? Address { get; set; }
}
