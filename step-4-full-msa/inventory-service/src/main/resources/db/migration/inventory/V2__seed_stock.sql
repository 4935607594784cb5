-- Seed stock for the catalog's seed products (catalog/V2__seed_products.sql), matched by
-- SKU: the same SKUs, but no foreign key between the schemas.

insert into inventory.stock (sku, on_hand) values
    ('ESP-BEANS-250', 60),
    ('FILTER-BEANS-250', 45),
    ('DECAF-BEANS-250', 30),
    ('MUG-CLASSIC', 40),
    ('CUP-ESPRESSO-2', 25),
    ('POUR-OVER', 20),
    ('FILTER-PAPER-100', 100),
    ('KETTLE-GOOSENECK', 12),
    ('NOTEBOOK-A5', 50),
    ('PEN-FOUNTAIN', 15),
    ('INK-BLUE-50', 35),
    ('GRINDER-PRO', 5);
