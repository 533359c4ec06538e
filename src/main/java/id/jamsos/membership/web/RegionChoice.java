package id.jamsos.membership.web;

import id.jamsos.common.CurrentRegions;
import java.util.List;
import org.springframework.ui.Model;

/**
 * The three address lists of step 1, each offering what lies in the choice above it. A choice that no longer fits
 * (another province was chosen) is cleared, so the form never shows a district of another regency as chosen.
 */
final class RegionChoice {

    private RegionChoice() {
    }

    static void offer(Model model, IdentityForm form) {
        CurrentRegions regions = CurrentRegions.official();
        List<CurrentRegions.Region> regencies = regions.regencies(form.getProvince());
        if (regencies.stream().noneMatch(r -> r.code().equals(form.getRegency()))) {
            form.setRegency(null);
        }
        List<CurrentRegions.Region> districts = regions.districts(form.getRegency());
        if (districts.stream().noneMatch(d -> d.code().equals(form.getDistrict()))) {
            form.setDistrict(null);
        }
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("regencies", regencies);
        model.addAttribute("districts", districts);
    }
}
