using CaseManager.Application.Common;
using CaseManager.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.Errors;

/// <summary>A page that shows more than its form implements this, so the form can be shown again after an error.</summary>
public interface IReloadablePage
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Handles, once for every page, what a command or query can throw: validation failures and broken rules go
/// back to the form with the GOV.UK error summary and the answers kept; not found and forbidden show their pages.
/// Pages therefore never catch exceptions themselves.
/// </summary>
public sealed class PageExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || executed.HandlerInstance is not PageModel page)
        {
            return;
        }

        switch (executed.Exception)
        {
            case ValidationException validation:
                foreach (var failure in validation.Errors)
                {
                    page.ModelState.AddModelError(PageField(failure.PropertyName), failure.ErrorMessage);
                }

                await ShowFormAgain(executed, page);
                break;
            case DomainRuleException rule:
                page.ModelState.AddModelError(string.Empty, rule.Message);
                await ShowFormAgain(executed, page);
                break;
            case CaseManager.Application.Common.Persistence.DuplicateKeyException:
                page.ModelState.AddModelError(string.Empty, "Someone else saved the same thing at the same moment. Reload the page and check whether it is already there.");
                await ShowFormAgain(executed, page);
                break;
            case DbUpdateConcurrencyException:
                page.ModelState.AddModelError(string.Empty, "Someone else changed this record after you opened it. Reload the page and make your change again.");
                await ShowFormAgain(executed, page);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case ForbiddenAccessException:
                executed.Result = new ForbidResult();
                executed.ExceptionHandled = true;
                break;
        }
    }

    /// <summary>"Identifiers.NhsNumber" on the command is "Input.NhsNumber" on the page's form.</summary>
    public static string PageField(string propertyName)
    {
        var last = propertyName.Split('.')[^1];
        return last.Length == 0 ? string.Empty : "Input." + char.ToUpperInvariant(last[0]) + last[1..];
    }

    /// <summary>
    /// Reloading can itself refuse: a form posted for a record the user may not see fails validation before the
    /// handler's check, and then the reload is what finds it missing. That answers 404 or 403, not an error page.
    /// </summary>
    private static async Task ShowFormAgain(PageHandlerExecutedContext executed, PageModel page)
    {
        executed.ExceptionHandled = true;
        if (page is IReloadablePage reloadable)
        {
            try
            {
                await reloadable.ReloadAsync(executed.HttpContext.RequestAborted);
            }
            catch (NotFoundException)
            {
                executed.Result = new NotFoundResult();
                return;
            }
            catch (ForbiddenAccessException)
            {
                executed.Result = new ForbidResult();
                return;
            }
        }

        executed.Result = page.Page();
    }
}
