using System.Globalization;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CaseManager.Web.Pages.Cases;

/// <summary>
/// The IOM questions of the enrol and change pages (DOMAIN.md IOM1–IOM4), kept as typed so that they are shown
/// again after an error. The property names match the command's, so its validator's messages land on the fields.
/// </summary>
public class IomFormInput
{
    public string? Cohort { get; set; }

    public string? Tier { get; set; }

    public string? SelectionReason { get; set; }

    public string? SelectionScore { get; set; }

    public string? PanelNote { get; set; }

    public List<string> Flags { get; set; } = [];

    public string? PredictedReoffendingRate { get; set; }

    public bool? InCustody { get; set; }

    public string? Establishment { get; set; }

    public DateParts ExpectedRelease { get; set; } = new();

    /// <summary>The fields of the IOM questions, for a page that shows or checks them together.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        [nameof(Cohort), nameof(Tier), nameof(SelectionReason), nameof(SelectionScore), nameof(PanelNote), nameof(Flags),
         nameof(PredictedReoffendingRate), nameof(InCustody), nameof(Establishment), nameof(ExpectedRelease)];

    /// <summary>The IOM questions that were answered.</summary>
    public IEnumerable<string> AnsweredIomFields()
    {
        var answered = new (string Field, bool Given)[]
        {
            (nameof(Cohort), !string.IsNullOrWhiteSpace(Cohort)),
            (nameof(Tier), !string.IsNullOrWhiteSpace(Tier)),
            (nameof(SelectionReason), !string.IsNullOrWhiteSpace(SelectionReason)),
            (nameof(SelectionScore), !string.IsNullOrWhiteSpace(SelectionScore)),
            (nameof(PanelNote), !string.IsNullOrWhiteSpace(PanelNote)),
            (nameof(Flags), Flags.Count > 0),
            (nameof(PredictedReoffendingRate), !string.IsNullOrWhiteSpace(PredictedReoffendingRate)),
            (nameof(InCustody), InCustody == true),
            (nameof(Establishment), !string.IsNullOrWhiteSpace(Establishment)),
            (nameof(ExpectedRelease), !ExpectedRelease.IsEmpty),
        };
        return answered.Where(a => a.Given).Select(a => a.Field);
    }

    public bool Mappa => Flags.Contains("Mappa");

    public bool Ppo => Flags.Contains("Ppo");

    public void Fill(CaseView view)
    {
        Cohort = view.Cohort;
        Tier = view.Tier;
        SelectionReason = view.SelectionReason;
        SelectionScore = view.SelectionScore;
        PanelNote = view.PanelNote;
        Flags = [.. view.Mappa ? new[] { "Mappa" } : [], .. view.Ppo ? new[] { "Ppo" } : []];
        PredictedReoffendingRate = view.PredictedReoffendingRate?.ToString(CultureInfo.InvariantCulture);
        InCustody = view.Custody?.InCustody ?? false;
        Establishment = view.Custody?.Establishment;
        ExpectedRelease = DateParts.From(view.Custody?.ExpectedRelease);
    }

    /// <summary>Checks what only the page can (numbers and dates typed as text); the command checks the rest.</summary>
    public (decimal? Rate, CustodyInput? Custody) Parse(ModelStateDictionary modelState, string prefix)
    {
        decimal? rate = null;
        if (!string.IsNullOrWhiteSpace(PredictedReoffendingRate))
        {
            if (decimal.TryParse(PredictedReoffendingRate.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                rate = parsed;
            }
            else
            {
                modelState.AddModelError($"{prefix}.PredictedReoffendingRate", "The predicted re-offending rate must be a number, like 45 or 45.5");
            }
        }

        if (!ExpectedRelease.TryGetDate(out var release))
        {
            modelState.AddModelError($"{prefix}.ExpectedRelease", "The expected release date must be a real date");
        }

        var custody = InCustody == true
            ? new CustodyInput(true, string.IsNullOrWhiteSpace(Establishment) ? null : Establishment.Trim(), release)
            : new CustodyInput(false);
        return (rate, custody);
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Runs the command's own validator before sending, so that every error on the form is shown at once, next to
    /// what the page found itself. A missing cohort is checked here too: the shared IOM rules skip it when empty.
    /// </summary>
    public static async Task CheckAsync<T>(IValidator<T> validator, T command, ModelStateDictionary modelState, CancellationToken cancellationToken)
        where T : IIomDetailsInput
    {
        if (string.IsNullOrWhiteSpace(command.Cohort))
        {
            modelState.AddModelError("Input.Cohort", "Select the cohort");
        }

        var result = await validator.ValidateAsync(command, cancellationToken);
        foreach (var failure in result.Errors)
        {
            var field = PageExceptionFilter.PageField(failure.PropertyName);
            if (!modelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
            {
                modelState.AddModelError(field, failure.ErrorMessage);
            }
        }
    }
}

/// <summary>A page that asks the IOM questions (<c>_IomFields</c>).</summary>
public interface IIomFormPage
{
    IomFormInput Input { get; }

    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> CohortItems { get; }

    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> TierItems { get; }

    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> FlagItems { get; }
}

public static class IomFormItems
{
    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Flags { get; } =
        [new("MAPPA: also managed under MAPPA", "Mappa"), new("PPO: a prolific and priority offender", "Ppo")];
}
