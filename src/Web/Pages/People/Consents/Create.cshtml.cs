using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Consents;

/// <summary>Records a consent decision on a person (RecordConsentCommand); every error on the form is listed at once.</summary>
public sealed class RecordConsentModel(ISender sender, IValidator<RecordConsentCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public string PersonHref => PersonSections.Href(Id, PersonSection.Consent);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.RecordedOn.TryGetDate(out var recordedOn))
        {
            ModelState.AddModelError("Input.RecordedOn", "The date consent was given or refused must be a real date");
        }

        if (!Input.ReviewOn.TryGetDate(out var reviewOn))
        {
            ModelState.AddModelError("Input.ReviewOn", "The review date must be a real date");
        }

        var command = new RecordConsentCommand(
            new PersonId(Id),
            Input.Purpose.OrUnselected(),
            Input.RecipientAgencies,
            Input.DataCategories,
            Input.Status.OrUnselected(),
            Input.GivenBy.OrUnselected(),
            recordedOn,
            reviewOn,
            string.IsNullOrWhiteSpace(Input.Evidence) ? null : Input.Evidence);

        // A failure on one of a list's answers ("RecipientAgencies[1]") belongs to the list's checkboxes.
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken,
            property => PageExceptionFilter.PageField(property.Split('[')[0]));
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        await sender.Send(command, cancellationToken);
        TempData["Success"] = Input.Status == ConsentStatus.Refused
            ? $"Refusal of consent recorded for {SchemeNames.Of(Input.Purpose!.Value)}"
            : $"Consent recorded for {SchemeNames.Of(Input.Purpose!.Value)}";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(Id)), cancellationToken);
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        AgencyItems = agencies.Select(a => new SelectListItem(a.Name, a.Code)).ToList();
    }
}

/// <summary>The consent form's answers, kept as typed so that they are shown again after an error.</summary>
public sealed class ConsentInput
{
    public Scheme? Purpose { get; set; }

    public List<string> RecipientAgencies { get; set; } = [];

    public List<DataCategory> DataCategories { get; set; } = [];

    public ConsentStatus? Status { get; set; }

    public ConsentGivenBy? GivenBy { get; set; }

    public DateParts RecordedOn { get; set; } = new();

    public DateParts ReviewOn { get; set; } = new();

    public string? Evidence { get; set; }
}
