-- Seed data: a small coffee and stationery shop with fixed ids, so that slides, exercises
-- and tests can name products. The burr grinder costs $899: two of them ($1,798) are above
-- the payment limit of $1,000, the easy way to show a declined payment.

insert into catalog.products (id, sku, name, description, price_amount, price_currency) values
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a04', 'ESP-BEANS-250', 'Espresso beans, 250 g', 'Dark roast blend from Brazil and Ethiopia, whole beans.', 1450, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a02', 'FILTER-BEANS-250', 'Filter beans, 250 g', 'Light roast single origin from Kenya, whole beans.', 1650, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a03', 'DECAF-BEANS-250', 'Decaf beans, 250 g', 'Swiss-water decaffeinated medium roast, whole beans.', 1550, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01', 'MUG-CLASSIC', 'Classic mug', 'A 350 ml stoneware mug.', 1250, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a05', 'CUP-ESPRESSO-2', 'Espresso cups, pair', 'Two 80 ml porcelain cups with saucers.', 1900, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a06', 'POUR-OVER', 'Pour-over dripper', 'Ceramic cone dripper for one to two cups.', 2800, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a07', 'FILTER-PAPER-100', 'Paper filters, 100', 'Unbleached paper filters for the pour-over dripper.', 600, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a08', 'KETTLE-GOOSENECK', 'Gooseneck kettle', 'A 1 l stainless kettle with a thin spout for pouring.', 5900, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a09', 'NOTEBOOK-A5', 'A5 notebook', 'Dotted, 160 pages, lay-flat binding.', 1800, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0a', 'PEN-FOUNTAIN', 'Fountain pen', 'Steel nib, medium, with a converter.', 3500, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0b', 'INK-BLUE-50', 'Blue ink, 50 ml', 'Bottled fountain pen ink, royal blue.', 1200, 'USD'),
    ('6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0c', 'GRINDER-PRO', 'Burr grinder', 'Flat-burr electric grinder with 40 settings.', 89900, 'USD');
