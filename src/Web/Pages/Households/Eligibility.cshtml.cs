using System.Globalization;
using CaseManager.Application.TroubledFamilies.GetHouseholdEligibility;
using CaseManager.Domain.Households;
using CaseManager.Web.Errors;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>
/// A household's Troubled Families eligibility (GetHouseholdEligibilityQuery, DOMAIN.md TF1 and TF4) as a checklist with
/// evidence and what is missing, in both phases, as at a day chosen with a GET form; attached to the programme or not.
/// </summary>
public sealed class HouseholdEligibilityModel(ISender sender, IValidator<GetHouseholdEligibilityQuery> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The day, as yyyy-mm-dd (the date control's value); today when blank.</summary>
    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public HouseholdEligibilityView? Eligibility { get; private set; }

    public string Href => HouseholdWords.Href(Id);

    public string? HouseholdName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            if (DateOnly.TryParseExact(AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                asOf = day;
            }
            else
            {
                ModelState.AddModelError(nameof(AsOf), "Enter the date as a real date, for example 2026-11-26");
            }
        }

        var query = new GetHouseholdEligibilityQuery(new HouseholdId(Id), asOf);
        await FormChecks.AddFailuresAsync(validator, query, ModelState, cancellationToken, _ => nameof(AsOf));
        // Refused (404) for a household the reader may not know of, whatever the date says.
        var today = ModelState.IsValid ? query : query with { AsOf = null };
        Eligibility = await sender.Send(today, cancellationToken);
        HouseholdName = HouseholdWords.Name(Eligibility.HouseholdName);
        if (!ModelState.IsValid)
        {
            Eligibility = null;
        }
    }

    public string AsOfValue => Eligibility?.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? AsOf ?? string.Empty;
}
