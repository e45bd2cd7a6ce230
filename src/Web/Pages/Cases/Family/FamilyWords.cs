using CaseManager.Application.Families;
using CaseManager.Domain.Families;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages.Cases.Family;

/// <summary>How the family assessment and plan pages name need areas and action statuses.</summary>
public static class FamilyWords
{
    public static string Need(string? area) => area switch
    {
        null => string.Empty,
        nameof(NeedArea.Crime) => "Crime",
        nameof(NeedArea.Asb) => "Anti-social behaviour",
        nameof(NeedArea.Education) => "Education",
        nameof(NeedArea.Work) => "Work",
        nameof(NeedArea.Finance) => "Finance",
        nameof(NeedArea.DomesticAbuse) => "Domestic abuse",
        nameof(NeedArea.Health) => "Health",
        nameof(NeedArea.MentalHealth) => "Mental health",
        nameof(NeedArea.SubstanceMisuse) => "Substance misuse",
        nameof(NeedArea.ChildrenNeedHelp) => "Children who need help",
        nameof(NeedArea.Housing) => "Housing",
        _ => area,
    };

    public static IEnumerable<SelectListItem> NeedItems() =>
        Enum.GetValues<NeedArea>().Select(a => new SelectListItem(Need(a.ToString()), a.ToString()));

    public static string StatusTagClass(string status) => status switch
    {
        nameof(PlanActionStatus.Done) => "govuk-tag--green",
        nameof(PlanActionStatus.Overdue) => "govuk-tag--red",
        _ => "govuk-tag--blue",
    };

    public static string For(PlanActionView action) =>
        action.ForPersonId is null ? "The family" : action.ForPersonName ?? "A member";
}
