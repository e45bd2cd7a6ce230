using CaseManager.Application.Treatment;
using CaseManager.Domain.Treatment;
using CaseManager.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages.Cases.Treatment;

/// <summary>The treatment questions of the enrol form (DT1), asked only for a treatment scheme.</summary>
public sealed class TreatmentFormInput
{
    public DateParts ReferralDate { get; set; } = new();

    public string? ReferralSource { get; set; }

    public DateParts TriageDate { get; set; } = new();

    public TreatmentSubstance? PrimarySubstance { get; set; }

    public TreatmentSubstance? SecondarySubstance { get; set; }

    public TreatmentSubstance? TertiarySubstance { get; set; }

    public InjectingStatus? InjectingStatus { get; set; }

    /// <summary>The treatment questions that were answered.</summary>
    public IEnumerable<string> AnsweredFields()
    {
        var answered = new (string Field, bool Given)[]
        {
            (nameof(ReferralDate), !ReferralDate.IsEmpty),
            (nameof(ReferralSource), !string.IsNullOrWhiteSpace(ReferralSource)),
            (nameof(TriageDate), !TriageDate.IsEmpty),
            (nameof(PrimarySubstance), PrimarySubstance is not null),
            (nameof(SecondarySubstance), SecondarySubstance is not null),
            (nameof(TertiarySubstance), TertiarySubstance is not null),
            (nameof(InjectingStatus), InjectingStatus is not null),
        };
        return answered.Where(a => a.Given).Select(a => a.Field);
    }

    public static IReadOnlyList<SelectListItem> SubstanceItems(string none) =>
        [new(none, string.Empty), .. Enum.GetValues<TreatmentSubstance>().Select(s => new SelectListItem(TreatmentWords.Of(s), s.ToString()))];

    public static IReadOnlyList<SelectListItem> PrimaryItems => SubstanceItems("Select a substance");

    public static IReadOnlyList<SelectListItem> OtherItems => SubstanceItems("None");

    public static IReadOnlyList<SelectListItem> InjectingItems =>
        Enum.GetValues<InjectingStatus>().Select(s => new SelectListItem(TreatmentWords.Of(s), s.ToString())).ToList();

    /// <summary>The referral, substances and injecting status for the command; dates that are not real dates are form errors.</summary>
    public (ReferralInput Referral, DateOnly? TriageDate, SubstancesInput Substances, InjectingStatus? Injecting) Parse(ModelStateDictionary modelState, string prefix)
    {
        if (!ReferralDate.TryGetDate(out var referred))
        {
            modelState.AddModelError($"{prefix}.ReferralDate", "The referral date must be a real date");
        }

        if (!TriageDate.TryGetDate(out var triaged))
        {
            modelState.AddModelError($"{prefix}.TriageDate", "The triage date must be a real date");
        }

        return (new ReferralInput(referred, string.IsNullOrWhiteSpace(ReferralSource) ? null : ReferralSource.Trim()), triaged,
            new SubstancesInput(PrimarySubstance, SecondarySubstance, TertiarySubstance), InjectingStatus);
    }

    /// <summary>The validator's field names ("Referral.Date", "Substances.Primary") as this form's fields.</summary>
    public static string? FieldOf(string propertyName, string prefix) => propertyName switch
    {
        "Referral" or "Referral.Date" => $"{prefix}.ReferralDate",
        "Referral.Source" => $"{prefix}.ReferralSource",
        "TriageDate" => $"{prefix}.TriageDate",
        "Substances" or "Substances.Primary" => $"{prefix}.PrimarySubstance",
        "Substances.Secondary" => $"{prefix}.SecondarySubstance",
        "Substances.Tertiary" => $"{prefix}.TertiarySubstance",
        "InjectingStatus" => $"{prefix}.InjectingStatus",
        _ => null,
    };
}

/// <summary>Treatment terms as people read them.</summary>
public static class TreatmentWords
{
    public static string Of(TreatmentSubstance substance) => substance switch
    {
        TreatmentSubstance.NewPsychoactive => "New psychoactive substances",
        _ => substance.ToString(),
    };

    public static string Of(InjectingStatus status) => status switch
    {
        InjectingStatus.Never => "Never injected",
        InjectingStatus.Previously => "Previously injected",
        InjectingStatus.Currently => "Currently injecting",
        _ => "Declined to answer",
    };

    public static string Of(TreatmentInterventionType type) => type switch
    {
        TreatmentInterventionType.RecoverySupport => "Recovery support",
        TreatmentInterventionType.ResidentialRehab => "Residential rehabilitation",
        TreatmentInterventionType.InpatientDetox => "Inpatient detoxification",
        _ => type.ToString(),
    };

    public static string SubstanceOf(string? value) => Enum.TryParse<TreatmentSubstance>(value, out var s) ? Of(s) : value ?? string.Empty;

    public static string TypeOf(string value) => Enum.TryParse<TreatmentInterventionType>(value, out var t) ? Of(t) : value;
}
