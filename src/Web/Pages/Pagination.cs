using CaseManager.Application.Common.Paging;

namespace CaseManager.Web.Pages;

/// <summary>The GOV.UK pagination links of a paged list.</summary>
public sealed record Pagination(string Label, string? PreviousHref, string? NextHref, string PageOf)
{
    public bool IsNeeded => PreviousHref is not null || NextHref is not null;

    public static Pagination For<T>(Paged<T> page, string label, Func<int, string> pageHref) => new(
        label,
        page.Page > 1 ? pageHref(page.Page - 1) : null,
        page.Page < page.TotalPages ? pageHref(page.Page + 1) : null,
        $"Page {page.Page} of {Math.Max(page.TotalPages, 1)}");
}
