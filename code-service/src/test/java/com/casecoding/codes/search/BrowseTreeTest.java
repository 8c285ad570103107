package com.casecoding.codes.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowseTreeTest {

    private final BrowseTree tree = Fixtures.index().browse();

    private List<String> ids(List<BrowseTree.Node> nodes) {
        return nodes.stream().map(BrowseTree.Node::id).toList();
    }

    @Test
    void icd10cmChaptersBlocksCategoriesCodes() {
        List<BrowseTree.Node> roots = tree.roots("icd10cm");
        assertEquals(22, roots.size());
        assertEquals("A00-B99", roots.get(0).id());
        BrowseTree.Listing chapter = tree.children("icd10cm", "E00-E89", 100, 0).orElseThrow();
        assertTrue(ids(chapter.items()).contains("E08-E13"));
        BrowseTree.Listing block = tree.children("icd10cm", "E08-E13", 100, 0).orElseThrow();
        assertEquals(List.of("E10", "E11"), ids(block.items()));
        BrowseTree.Listing category = tree.children("icd10cm", "E11", 100, 0).orElseThrow();
        assertEquals(List.of("E116", "E119"), ids(category.items()));
        assertEquals("header", category.node().kind());
        BrowseTree.Listing sub = tree.children("icd10cm", "e11.6", 100, 0).orElseThrow();
        assertEquals(List.of("E1165"), ids(sub.items()));
        assertTrue(tree.children("icd10cm", "E11.9", 100, 0).orElseThrow().items().isEmpty());
    }

    @Test
    void codesSkipMissingLevelsToTheirNearestAncestor() {
        // S52.501A has no S52.50 / S52.501 in the fixture: it hangs under S52.5
        assertEquals(List.of("S52501A"), ids(tree.children("icd10cm", "S52.5", 10, 0).orElseThrow().items()));
    }

    @Test
    void deletedCodesAreNotBrowsed() {
        assertTrue(tree.children("icd10cm", "T81.32XA", 10, 0).isEmpty());
    }

    @Test
    void pcsSectionsBodySystemsTablesCodes() {
        List<BrowseTree.Node> roots = tree.roots("icd10pcs");
        assertTrue(ids(roots).contains("0"));
        BrowseTree.Listing section = tree.children("icd10pcs", "0", 10, 0).orElseThrow();
        assertEquals(List.of("0D", "0S"), ids(section.items()));
        assertEquals("Gastrointestinal System", section.items().get(0).title());
        BrowseTree.Listing bodySystem = tree.children("icd10pcs", "0D", 10, 0).orElseThrow();
        assertEquals(List.of("0DT"), ids(bodySystem.items()));
        assertEquals(List.of("0DTJ0ZZ", "0DTJ4ZZ"), ids(tree.children("icd10pcs", "0DT", 10, 0).orElseThrow().items()));
    }

    @Test
    void cptRangesNestAndHoldTheirCodes() {
        BrowseTree.Listing vascular = tree.children("cpt", "36000-37799", 10, 0).orElseThrow();
        assertEquals(List.of("36556", "37252", "37253"), ids(vascular.items()));
        assertTrue(ids(tree.children("cpt", "10004-69990", 50, 0).orElseThrow().items()).contains("33016-37799"));
        assertTrue(ids(tree.roots("cpt")).contains("0001F-9007F"));
        assertEquals(0, tree.children("cpt", "0001F-9007F", 10, 0).orElseThrow().total());
    }

    @Test
    void hcpcsLetterSections() {
        assertEquals(List.of("J1885"), ids(tree.children("hcpcs", "J0000-J9999", 10, 0).orElseThrow().items()));
    }

    @Test
    void anyRangeAsAList() {
        BrowseTree.Listing range = tree.range("icd10cm", "E10", "E11", 100, 0);
        assertEquals(List.of("E10", "E109", "E11", "E116", "E1165", "E119"), ids(range.items()));
        assertEquals(6, range.total());
        assertEquals(List.of("E109", "E11"), ids(tree.range("icd10cm", "E10", "E11", 2, 1).items()));
        assertEquals(List.of("37252", "37253"), ids(tree.range("cpt", "37252", "37253", 10, 0).items()));
    }
}
