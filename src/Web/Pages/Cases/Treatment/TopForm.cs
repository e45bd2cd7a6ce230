using System.Globalization;
using System.Text.Json;
using CaseManager.Domain.Treatment;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CaseManager.Web.Pages.Cases.Treatment;

public enum TopFieldKind
{
    Days,
    Score,
    Units,
    YesNo,
    Text,
}

/// <summary>One TOP question (DT3) as the form asks it; <see cref="Name"/> is the <see cref="TopAnswers"/> property.</summary>
public sealed record TopField(string Name, string Label, TopFieldKind Kind, int Step)
{
    public string Hint => Kind switch
    {
        TopFieldKind.Days => "Days in the last 28 (0 to 28). Leave blank if not answered.",
        TopFieldKind.Score => "0 (poor) to 20 (good). Leave blank if not answered.",
        TopFieldKind.Units => "Units on a typical drinking day. Leave blank if not answered.",
        _ => "Leave blank if not answered.",
    };
}

/// <summary>
/// The TOP questions (DT3) on three short question pages after the stage and date (page 1): substance use (2);
/// injecting and crime (3); health, quality of life, work and housing (4). Page 5 is check your answers.
/// </summary>
public static class TopForm
{
    public static readonly IReadOnlyList<TopField> Fields =
    [
        new(nameof(TopAnswers.AlcoholDays), "Alcohol", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.AlcoholUnitsPerDay), "Alcohol units per drinking day", TopFieldKind.Units, 2),
        new(nameof(TopAnswers.OpiateDays), "Illicit opiates", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.CrackDays), "Crack", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.CocaineDays), "Cocaine", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.AmphetamineDays), "Amphetamines", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.CannabisDays), "Cannabis", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.OtherSubstanceName), "Other substance (name)", TopFieldKind.Text, 2),
        new(nameof(TopAnswers.OtherSubstanceDays), "Other substance", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.TobaccoDays), "Tobacco", TopFieldKind.Days, 2),
        new(nameof(TopAnswers.InjectedDays), "Days injected", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.SharedNeedles), "Shared needles", TopFieldKind.YesNo, 3),
        new(nameof(TopAnswers.SharedParaphernalia), "Shared other injecting equipment", TopFieldKind.YesNo, 3),
        new(nameof(TopAnswers.ShopliftingDays), "Shoplifting", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.DrugSellingDays), "Selling drugs", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.VehicleTheftDays), "Theft from or of a vehicle", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.OtherTheftDays), "Other theft or burglary", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.FraudDays), "Fraud, forgery or handling stolen goods", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.AssaultDays), "Assault or violence", TopFieldKind.Days, 3),
        new(nameof(TopAnswers.PsychologicalHealth), "Psychological health", TopFieldKind.Score, 4),
        new(nameof(TopAnswers.PhysicalHealth), "Physical health", TopFieldKind.Score, 4),
        new(nameof(TopAnswers.QualityOfLife), "Overall quality of life", TopFieldKind.Score, 4),
        new(nameof(TopAnswers.PaidWorkDays), "Days in paid work", TopFieldKind.Days, 4),
        new(nameof(TopAnswers.EducationDays), "Days at college or school", TopFieldKind.Days, 4),
        new(nameof(TopAnswers.AcuteHousingProblem), "Acute housing problem", TopFieldKind.YesNo, 4),
        new(nameof(TopAnswers.RiskOfEviction), "At risk of eviction", TopFieldKind.YesNo, 4),
    ];

    /// <summary>The question pages, by step; step 1 (stage and date) and the check page have no TOP questions.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "About this TOP",
        "Substance use in the last 28 days",
        "Injecting and crime in the last 28 days",
        "Health, quality of life, work and housing",
        "Check your answers",
    ];

    public const int CheckStep = 5;

    public static IEnumerable<TopField> Step(int step) => Fields.Where(f => f.Step == step);

    /// <summary>Checks the answers of one step as typed ("Answers[CrackDays]" keys): whole numbers in range, yes or no.</summary>
    public static void Check(IEnumerable<TopField> fields, IDictionary<string, string?> answers, ModelStateDictionary modelState)
    {
        foreach (var field in fields)
        {
            var value = answers.TryGetValue(field.Name, out var typed) ? typed?.Trim() : null;
            if (string.IsNullOrEmpty(value) || field.Kind is TopFieldKind.Text or TopFieldKind.YesNo)
            {
                continue;
            }

            var max = field.Kind switch { TopFieldKind.Days => TopAnswers.MaxDays, TopFieldKind.Score => TopAnswers.MaxScore, _ => TopAnswers.MaxUnitsPerDay };
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > max)
            {
                modelState.AddModelError($"Answers[{field.Name}]", $"{field.Label} must be a whole number from 0 to {max}");
            }
        }
    }

    /// <summary>The typed answers as the command's record; blanks are "not answered".</summary>
    public static TopAnswers ToAnswers(IReadOnlyDictionary<string, string?> answers)
    {
        var result = new TopAnswers();
        foreach (var field in Fields)
        {
            var value = answers.GetValueOrDefault(field.Name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            object? parsed = field.Kind switch
            {
                TopFieldKind.Text => value,
                TopFieldKind.YesNo => value == "true",
                _ => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            };
            typeof(TopAnswers).GetProperty(field.Name)!.SetValue(result, parsed);
        }

        return result;
    }

    public static string Show(TopField field, string? value) => string.IsNullOrWhiteSpace(value)
        ? "Not answered"
        : field.Kind == TopFieldKind.YesNo ? (value == "true" ? "Yes" : "No") : value;
}

/// <summary>
/// A TOP's answers between its pages and check your answers. Kept in TempData (the cookie provider, encrypted by data
/// protection) under a key per case, rather than in hidden fields: the answers are health data (DT5) and are not
/// echoed back into every page; each page posts only its own questions, so a page's errors cannot disturb answers
/// given earlier; nothing is stored in the database until the check page sends the one command; and a draft for one
/// client never mixes with another's open in a second tab. Read with Peek, so reloading a page or pressing Back keeps
/// it; it is removed when the TOP is recorded. Works without JavaScript: every step is a plain form post.
/// </summary>
public sealed record TopDraft(Guid CaseId, TopStage? Stage, DateOnly? CompletedOn, Dictionary<string, string?> Answers)
{
    private static string Key(Guid caseId) => $"TopDraft:{caseId:N}";

    public static TopDraft? Peek(ITempDataDictionary tempData, Guid caseId) =>
        tempData.Peek(Key(caseId)) is string json && JsonSerializer.Deserialize<TopDraft>(json) is { } draft && draft.CaseId == caseId ? draft : null;

    public void Keep(ITempDataDictionary tempData) => tempData[Key(CaseId)] = JsonSerializer.Serialize(this);

    public static void Clear(ITempDataDictionary tempData, Guid caseId) => tempData.Remove(Key(caseId));
}

/// <summary>The questions of one TOP page, with what was typed and its errors.</summary>
public sealed record TopQuestions(IEnumerable<TopField> Fields, IDictionary<string, string?> Answers, ModelStateDictionary ModelState);
