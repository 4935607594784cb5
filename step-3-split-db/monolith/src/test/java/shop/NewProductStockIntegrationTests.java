package shop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product that appears on the catalog's change stream is new to the inventory: the
 * replica announces it, and the inventory opens its stock record, 0 on hand, in the same
 * transaction. A SKU the catalog never sold has no stock.
 */
class NewProductStockIntegrationTests extends ShopIntegrationTest {

	@Test
	void opensAnEmptyStockRecordWhenTheCatalogAddsAProduct() {
		sell("TOWEL-LINEN", 900);

		assertThat(count("select count(*) from inventory.stock where sku = 'TOWEL-LINEN' and on_hand = 0"))
			.as("opened with the replica's row")
			.isOne();
		ShopClient.Answer stock = this.shop.get("/api/inventory/TOWEL-LINEN");
		assertThat(stock.status()).isEqualTo(200);
		assertThat(stock.json().path("onHand").asInt()).isZero();
		assertThat(stock.json().path("reserved").asInt()).isZero();
	}

	@Test
	void keepsTheCountedStockWhenTheProductChanges() {
		sell("TOWEL-WAFFLE", 1100);
		this.shop.putAsAdmin("/api/inventory/TOWEL-WAFFLE", "{\"onHand\": 7}");

		sell("TOWEL-WAFFLE", 1200);

		assertThat(count("select on_hand from inventory.stock where sku = 'TOWEL-WAFFLE'")).isEqualTo(7);
	}

	@Test
	void rejectsAnOrderForANewProductAsOutOfStock() {
		sell("TOWEL-BAR", 700);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", "TOWEL-BAR", 1);

		assertThat(this.shop.awaitFinal(placed).path("reason").asString()).isEqualTo("OUT_OF_STOCK");
	}

	@Test
	void hasNoStockForASkuTheCatalogDoesNotSell() {
		ShopClient.Answer read = this.shop.get("/api/inventory/NO-SUCH-SKU");
		ShopClient.Answer counted = this.shop.putAsAdmin("/api/inventory/NO-SUCH-SKU", "{\"onHand\": 3}");

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.json().path("type").asString()).isEqualTo("https://workshop.example/problems/stock-not-found");
		assertThat(counted.status()).isEqualTo(404);
		assertThat(count("select count(*) from inventory.stock where sku = 'NO-SUCH-SKU'")).isZero();
	}

}
